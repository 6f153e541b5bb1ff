package io.links.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A data plan of an organisation's catalog.
 *
 * @param id                 its id
 * @param name               its name
 * @param dataBytes          the data it bundles, in bytes
 * @param validityDays       how long an activation of it lasts
 * @param compatibilityZones the zones it can be used in
 * @param coverageId         the coverage it is tied to
 * @param autoRenew          whether its activations renew when they expire or are used up
 * @param createdAt          when it was added
 */
public record PlanView(String id, String name, long dataBytes, int validityDays, List<String> compatibilityZones,
                       String coverageId, boolean autoRenew, Instant createdAt) {
}
