package io.links.api.bulk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record the outcomes of a chunk that ran; ignored when the chunk is recorded already.
 *
 * @param taskId   the task
 * @param chunk    the chunk's number
 * @param outcomes one outcome per item of the chunk
 */
public record RecordBulkChunk(@TargetAggregateIdentifier String taskId, int chunk, List<ItemOutcome> outcomes) {
}
