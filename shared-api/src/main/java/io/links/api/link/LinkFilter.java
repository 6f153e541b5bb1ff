package io.links.api.link;

import io.links.api.catalog.SimType;

import java.util.List;

/**
 * The filters of the link listing. Filters combine with AND; a list matches any of its values; an empty list or a
 * null means no filter.
 *
 * @param statuses           link statuses
 * @param hasSim             with or without a bound SIM
 * @param hasActivations     with or without an active activation
 * @param simTypes           the bound SIM's type
 * @param compatibilityZones the link's zones
 * @param planIds            plans with an active activation on the link
 * @param coverageIds        coverages of plans with an active activation on the link
 * @param countries          the bound SIM's countries
 * @param networkCountries   the last known network country
 * @param networkConnected   whether the device was last seen connected
 * @param search             case-insensitive substring of the name, the id or the SIM's ICCID
 */
public record LinkFilter(List<LinkStatus> statuses, Boolean hasSim, Boolean hasActivations, List<SimType> simTypes,
                         List<String> compatibilityZones, List<String> planIds, List<String> coverageIds,
                         List<String> countries, List<String> networkCountries, Boolean networkConnected,
                         String search) {

    /** No filter at all. */
    public static final LinkFilter NONE = new LinkFilter(List.of(), null, null, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null);
}
