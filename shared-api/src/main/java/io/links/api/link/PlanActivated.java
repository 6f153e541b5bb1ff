package io.links.api.link;

import java.time.Instant;

/**
 * A plan was activated on a link: a new activation exists and the link is active.
 *
 * @param linkId       the link
 * @param activationId the new activation
 * @param plan         the plan as it was when activated
 * @param source       whether the customer or a renewal started it
 * @param activatedAt  when it became active
 * @param expiresAt    when it expires, or null when it has no fixed end
 */
public record PlanActivated(String linkId, String activationId, PlanSnapshot plan, ActivationSource source,
                            Instant activatedAt, Instant expiresAt) {
}
