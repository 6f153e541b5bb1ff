package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remove the link's IMEI lock.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record UnlockImei(@TargetAggregateIdentifier String linkId, String organisationId) {
}
