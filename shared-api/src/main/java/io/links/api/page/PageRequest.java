package io.links.api.page;

/**
 * Which page of a listing to answer, and in which order.
 *
 * @param page      the page number, from 1
 * @param pageSize  items per page, 1 to {@link #MAX_PAGE_SIZE}
 * @param sortBy    the field to order by, or null for the listing's default order
 * @param ascending the direction of that order
 */
public record PageRequest(int page, int pageSize, String sortBy, boolean ascending) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    /** How many items the pages before this one hold. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** Whether this page starts past the last of {@code total} items, so that it is empty without asking a store. */
    public boolean beyond(long total) {
        return offset() >= total;
    }
}
