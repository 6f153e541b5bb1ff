package io.links.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A coverage: a named set of countries that plans are sold for.
 *
 * @param id        its id
 * @param name      its name
 * @param countries its ISO alpha-3 countries
 * @param createdAt when it was added
 */
public record CoverageView(String id, String name, List<String> countries, Instant createdAt) {
}
