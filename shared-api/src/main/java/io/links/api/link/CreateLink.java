package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Create a link bound to a SIM of the organisation, activating the given plans at once when there are any.
 *
 * @param linkId         the id the new link gets
 * @param organisationId the organisation that owns it
 * @param name           its customer-assigned name, or null
 * @param simId          the catalog id of the SIM to bind
 * @param planIds        the plans to activate, possibly empty
 */
public record CreateLink(@TargetAggregateIdentifier String linkId, String organisationId, String name, String simId,
                         List<String> planIds) {
}
