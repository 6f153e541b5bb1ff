package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Restore the connectivity of a suspended link.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 */
public record ResumeLink(@TargetAggregateIdentifier String linkId, String organisationId) {
}
