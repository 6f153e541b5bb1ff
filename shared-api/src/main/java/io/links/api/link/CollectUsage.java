package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a usage snapshot of every active activation of a link from the provider, and end the activations that are
 * used up or past their end, renewing those whose plan renews itself. Sent by the usage worker, not by a caller.
 *
 * @param linkId the link
 */
public record CollectUsage(@TargetAggregateIdentifier String linkId) {
}
