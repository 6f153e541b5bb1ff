package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End every active activation of one plan on a link: the bulk form of removing activations, which names the plan
 * rather than each activation.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param planId         the plan
 */
public record RemovePlanActivations(@TargetAggregateIdentifier String linkId, String organisationId, String planId) {
}
