package io.links.api.bulk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stop a bulk task: items not yet started are not started.
 *
 * @param taskId         the task
 * @param organisationId the organisation of the caller
 */
public record CancelBulkTask(@TargetAggregateIdentifier String taskId, String organisationId) {
}
