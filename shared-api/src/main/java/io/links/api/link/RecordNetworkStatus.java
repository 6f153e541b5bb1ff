package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record what the provider reports about a link's device, when it differs from what was last recorded.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param status         the status the provider reported
 */
public record RecordNetworkStatus(@TargetAggregateIdentifier String linkId, String organisationId,
                                  NetworkStatus status) {
}
