package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bind a free SIM to a link on hold.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param simId          the catalog id of the SIM
 */
public record AttachSim(@TargetAggregateIdentifier String linkId, String organisationId, String simId) {
}
