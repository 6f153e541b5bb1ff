package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Lift the bar on radio technologies; types not barred are ignored.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param networkTypes   the technologies to unbar
 */
public record UnbarNetworkTypes(@TargetAggregateIdentifier String linkId, String organisationId,
                                Set<NetworkType> networkTypes) {
}
