package io.links.app.link;

import io.links.api.catalog.SimType;
import io.links.api.link.LinkFilter;
import io.links.api.link.LinkStatus;
import io.links.api.validation.Identifiers;
import io.links.app.web.QueryParams;

import java.util.List;

/**
 * The filters of the link listing, read from query parameters: those of {@code GET /links}, and those a bulk
 * request names in its {@code filter} instead of a list of links.
 */
public final class LinkFilters {

    /** The names of the filters. */
    public static final List<String> NAMES = List.of("status", "has_sim", "has_activations", "sim_type",
            "compatibility_zones", "plan_id", "coverage_id", "countries", "network_country", "network_connected",
            "search");

    private LinkFilters() {
    }

    /** The filter the parameters describe; every bad value is collected in {@code query} for its check. */
    public static LinkFilter of(QueryParams query) {
        LinkFilter filter = new LinkFilter(
                query.all("status", LinkStatus::fromValue, "must be one of pre_active, active, suspended, hold"),
                query.bool("has_sim"),
                query.bool("has_activations"),
                query.all("sim_type", SimType::fromValue, "must be physical or esim"),
                query.all("compatibility_zones"),
                query.all("plan_id"),
                query.all("coverage_id"),
                query.all("countries", c -> Identifiers.isCountry(c) ? c : null, "must be an ISO alpha-3 code"),
                query.all("network_country", c -> Identifiers.isCountry(c) ? c : null, "must be an ISO alpha-3 code"),
                query.bool("network_connected"),
                query.single("search"));
        if (filter.statuses().contains(LinkStatus.REMOVED)) {
            query.reject("status", "removed links are never listed; read one by its id");
        }
        return filter;
    }
}
