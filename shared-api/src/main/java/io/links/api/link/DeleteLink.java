package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Soft-delete a link on hold; its activations end with it.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record DeleteLink(@TargetAggregateIdentifier String linkId, String organisationId) {
}
