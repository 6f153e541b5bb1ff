package io.links.api.link;

import java.time.Instant;

/**
 * A plan activation on a link, as the API shows it.
 *
 * @param id             its id
 * @param plan           the plan: id, name, bundled data and validity
 * @param status         its lifecycle status
 * @param source         manual, or resubscription when a plan renewed itself
 * @param usage          its traffic so far
 * @param remainingBytes the plan's data not yet used: {@code plan.data_bytes} less the traffic, never below zero
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 * @param activatedAt    when it became active, or null
 * @param expiresAt      when it expires, or null
 */
public record ActivationView(String id, PlanSummary plan, ActivationStatus status, ActivationSource source,
                             Usage usage, long remainingBytes, Instant createdAt, Instant updatedAt,
                             Instant activatedAt, Instant expiresAt) {

    /**
     * The plan as embedded in an activation: enough to make sense of it without reading the catalog.
     *
     * @param id           the plan's id
     * @param name         its name
     * @param dataBytes    the data it bundles
     * @param validityDays how long an activation of it lasts
     */
    public record PlanSummary(String id, String name, long dataBytes, int validityDays) {
    }
}
