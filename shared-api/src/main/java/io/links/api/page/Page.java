package io.links.api.page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items    the items on this page
 * @param total    how many items all pages hold
 * @param page     this page's number, from 1
 * @param pageSize the page size used
 * @param pages    how many pages there are at this page size
 * @param <T>      the item type
 */
public record Page<T>(List<T> items, long total, int page, int pageSize, long pages) {

    /** The page {@code request} asks for, out of {@code total} items. */
    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        long pages = total == 0 ? 0 : (total + request.pageSize() - 1) / request.pageSize();
        return new Page<>(items, total, request.page(), request.pageSize(), pages);
    }

    /** The same page with every item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, pageSize, pages);
    }
}
