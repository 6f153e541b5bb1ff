package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Bar radio technologies on a link; types already barred are ignored.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param networkTypes   the technologies to bar
 */
public record BarNetworkTypes(@TargetAggregateIdentifier String linkId, String organisationId,
                              Set<NetworkType> networkTypes) {
}
