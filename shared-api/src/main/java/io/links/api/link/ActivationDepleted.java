package io.links.api.link;

/**
 * An activation used all the data of its plan and ended.
 *
 * @param linkId       the link
 * @param activationId the activation
 */
public record ActivationDepleted(String linkId, String activationId) {
}
