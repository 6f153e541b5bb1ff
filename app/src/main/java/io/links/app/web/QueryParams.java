package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import io.links.api.page.PageRequest;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads and checks a listing's query parameters: every bad value, and every parameter the listing does not know,
 * is a 422 naming it rather than being ignored.
 */
public final class QueryParams {

    private static final Set<String> PAGING = Set.of("page", "page_size", "sort_by", "sort_order");

    private final MultiValueMap<String, String> params;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParams(MultiValueMap<String, String> params) {
        this.params = params;
    }

    /** The parameters of a listing that knows the paging ones and {@code filters}. */
    public static QueryParams of(MultiValueMap<String, String> params, Collection<String> filters) {
        QueryParams query = new QueryParams(params);
        for (String name : params.keySet()) {
            if (!PAGING.contains(name) && !filters.contains(name)) {
                Set<String> known = new TreeSet<>(PAGING);
                known.addAll(filters);
                query.errors.add(new FieldError(name, "is not a parameter of this listing; known: " + known));
            }
        }
        return query;
    }

    /** The page, size and order; {@code sorts} are the fields {@code sort_by} accepts; descending by default. */
    public PageRequest page(Collection<String> sorts) {
        return page(sorts, false);
    }

    /**
     * The page, size and order, for a listing whose default order is ascending when {@code ascendingByDefault}.
     * A {@code sort_by} without {@code sort_order} is ascending.
     */
    public PageRequest page(Collection<String> sorts, boolean ascendingByDefault) {
        int page = integer("page", 1, 1, Integer.MAX_VALUE);
        int size = integer("page_size", PageRequest.DEFAULT_PAGE_SIZE, 1, PageRequest.MAX_PAGE_SIZE);
        String sortBy = single("sort_by");
        if (sortBy != null && !sorts.contains(sortBy)) {
            errors.add(new FieldError("sort_by", "must be one of " + new TreeSet<>(sorts)));
        }
        String order = single("sort_order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            errors.add(new FieldError("sort_order", "must be asc or desc"));
        }
        boolean ascending = order == null ? sortBy != null || ascendingByDefault : order.equals("asc");
        return new PageRequest(page, size, sortBy, ascending);
    }

    /** Every value of a repeatable parameter, each converted by {@code parse}, which answers null when invalid. */
    public <T> List<T> all(String name, Function<String, T> parse, String rule) {
        List<T> values = new ArrayList<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            T value = raw.isEmpty() ? null : parse.apply(raw);
            if (value == null) {
                errors.add(new FieldError(name, rule + ", not '" + raw + "'"));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** Every value of a repeatable text parameter; none may be empty. */
    public List<String> all(String name) {
        return all(name, Function.identity(), "must not be empty");
    }

    /** A boolean parameter, null when absent. */
    public Boolean bool(String name) {
        String raw = single(name);
        if (raw == null) {
            return null;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.valueOf(raw);
        }
        errors.add(new FieldError(name, "must be true or false, not '" + raw + "'"));
        return null;
    }

    /** A parameter that may appear once, null when absent (or empty, which is reported). */
    public String single(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "may be given only once"));
        }
        if (values.get(0).isEmpty()) {
            errors.add(new FieldError(name, "must not be empty"));
            return null;
        }
        return values.get(0);
    }

    /** Records that {@code name} is bad for a reason of the listing's own; reported with the others. */
    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws the 422 naming every bad parameter, when there is one. */
    public void check() {
        if (!errors.isEmpty()) {
            String summary = errors.stream().map(e -> e.field() + " " + e.message()).toList().toString();
            throw new LinksException(ErrorCode.VALIDATION_ERROR, "invalid query parameters: " + summary, errors);
        }
    }

    private int integer(String name, int fallback, int min, int max) {
        String raw = single(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range value
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max + ", not '" + raw + "'"));
        return fallback;
    }
}
