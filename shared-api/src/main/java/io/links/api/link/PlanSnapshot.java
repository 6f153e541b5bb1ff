package io.links.api.link;

import java.util.List;

/**
 * The plan as it was in the catalog when it was activated on a link.
 *
 * @param id                 the plan's catalog id
 * @param name               its name
 * @param dataBytes          the data it bundles, in bytes
 * @param validityDays       how long an activation of it lasts
 * @param coverageId         the coverage it is tied to
 * @param compatibilityZones the zones it can be used in
 * @param autoRenew          whether an expired or depleted activation of it is renewed automatically
 */
public record PlanSnapshot(String id, String name, long dataBytes, int validityDays, String coverageId,
                           List<String> compatibilityZones, boolean autoRenew) {
}
