package io.links.api.catalog;

import java.util.List;

/**
 * A coverage to add to the catalog.
 *
 * @param name      its name
 * @param countries its ISO alpha-3 countries, at least one
 */
public record NewCoverage(String name, List<String> countries) {
}
