package io.links.api.link;

/**
 * The outcome of an {@link ActivatePlan}: the link's new version and the new activation's id.
 *
 * @param version      the sequence number of the event that recorded the activation
 * @param activationId the new activation
 */
public record ActivationResult(long version, String activationId) {
}
