package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lock the link to the IMEI its SIM was last observed with.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record LockImei(@TargetAggregateIdentifier String linkId, String organisationId) {
}
