package io.links.api.link;

import java.time.Instant;

/**
 * The provider counted more traffic on an activation than was last recorded.
 *
 * @param linkId       the link
 * @param activationId the activation
 * @param usage        the activation's whole traffic so far, not the increase
 * @param observedAt   when the provider was asked
 */
public record UsageRecorded(String linkId, String activationId, Usage usage, Instant observedAt) {
}
