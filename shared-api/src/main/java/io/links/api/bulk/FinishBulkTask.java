package io.links.api.bulk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * End a bulk task once no chunk runs any more.
 *
 * @param taskId        the task
 * @param skippedChunks the chunks never started because the task was cancelled
 */
public record FinishBulkTask(@TargetAggregateIdentifier String taskId, List<Integer> skippedChunks) {
}
