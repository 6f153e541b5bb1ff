package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Release the link's SIM: the link goes on hold and the SIM is free again.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record DetachSim(@TargetAggregateIdentifier String linkId, String organisationId) {
}
