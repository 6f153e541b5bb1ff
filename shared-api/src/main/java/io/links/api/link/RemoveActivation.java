package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End an activation of a link.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param activationId   the activation
 */
public record RemoveActivation(@TargetAggregateIdentifier String linkId, String organisationId, String activationId) {
}
