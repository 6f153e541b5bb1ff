package io.links.command.link;

import io.links.api.error.LinksException;

import java.util.Collection;
import java.util.Map;

/**
 * The rules of a link's free-form metadata: at most {@link #MAX_ROOT_KEYS} keys at the root, and nesting at most
 * {@link #MAX_DEPTH} deep, counting the root object as depth 1 and every object or array below it as one more.
 */
final class Meta {

    static final int MAX_ROOT_KEYS = 10;
    static final int MAX_DEPTH = 3;

    private Meta() {
    }

    static void check(Map<String, Object> meta) {
        if (meta == null) {
            throw LinksException.invalidField("meta", "must be an object; send {} to clear it");
        }
        if (meta.size() > MAX_ROOT_KEYS) {
            throw LinksException.invalidField("meta", "may have at most " + MAX_ROOT_KEYS + " root keys, not "
                    + meta.size());
        }
        int depth = depth(meta);
        if (depth > MAX_DEPTH) {
            throw LinksException.invalidField("meta", "may nest at most " + MAX_DEPTH + " levels deep counting the "
                    + "root object and every array, not " + depth);
        }
    }

    /** 1 for an object or array holding only scalars, plus the depth of its deepest child. */
    static int depth(Object value) {
        Collection<?> children;
        if (value instanceof Map<?, ?> map) {
            children = map.values();
        } else if (value instanceof Collection<?> list) {
            children = list;
        } else {
            return 0;
        }
        int deepest = 0;
        for (Object child : children) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }
}
