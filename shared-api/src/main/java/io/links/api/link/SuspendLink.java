package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pause the connectivity of an active link.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record SuspendLink(@TargetAggregateIdentifier String linkId, String organisationId) {
}
