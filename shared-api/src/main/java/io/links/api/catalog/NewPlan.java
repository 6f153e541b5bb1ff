package io.links.api.catalog;

import java.util.List;

/**
 * A plan to add to the catalog.
 *
 * @param name               its name
 * @param dataBytes          the data it bundles, in bytes, positive
 * @param validityDays       how long an activation lasts, positive
 * @param compatibilityZones the zones it can be used in, at least one
 * @param coverageId         an existing coverage of the organisation
 * @param autoRenew          whether activations renew automatically; false when absent
 */
public record NewPlan(String name, Long dataBytes, Integer validityDays, List<String> compatibilityZones,
                      String coverageId, Boolean autoRenew) {
}
