package io.links.query.config;

import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;

/**
 * One page of a read-model listing: the count of all matches, then the page's documents in the asked order, ties
 * broken by id so that paging never shows a document twice or skips one.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * The page {@code page} of the documents {@code query} matches; {@code sorts} maps the API's sort fields to the
     * document's, and {@code defaultField} orders the listing when no sort is asked for.
     */
    public static <T> Page<T> of(MongoTemplate mongo, Query query, PageRequest page, Map<String, String> sorts,
                                 String defaultField, Class<T> type) {
        long total = mongo.count(query, type);
        if (page.beyond(total)) {
            return Page.of(List.of(), total, page);
        }
        String field = page.sortBy() == null ? defaultField : sorts.get(page.sortBy());
        Sort.Direction direction = page.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        query.with(Sort.by(direction, field).and(Sort.by(direction, "_id"))).skip(page.offset())
                .limit(page.pageSize());
        return Page.of(mongo.find(query, type), total, page);
    }
}
