package io.links.api.link;

/**
 * An activation reached the end of its plan's validity and ended.
 *
 * @param linkId       the link
 * @param activationId the activation
 */
public record ActivationExpired(String linkId, String activationId) {
}
