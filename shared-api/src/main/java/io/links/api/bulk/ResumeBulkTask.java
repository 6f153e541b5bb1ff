package io.links.api.bulk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pick up a bulk task that was running when its node stopped; ignored once the task ended.
 *
 * @param taskId the task
 */
public record ResumeBulkTask(@TargetAggregateIdentifier String taskId) {
}
