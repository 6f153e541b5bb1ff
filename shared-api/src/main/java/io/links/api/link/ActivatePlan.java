package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Activate a plan of the catalog on a link. Answers an {@link ActivationResult}.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param activationId   the id the new activation gets
 * @param planId         the catalog id of the plan
 */
public record ActivatePlan(@TargetAggregateIdentifier String linkId, String organisationId, String activationId,
                           String planId) {
}
