package io.links.api.link;

/**
 * An activation ended by removal, on its own or with its link.
 *
 * @param linkId       the link
 * @param activationId the activation
 */
public record ActivationRemoved(String linkId, String activationId) {
}
