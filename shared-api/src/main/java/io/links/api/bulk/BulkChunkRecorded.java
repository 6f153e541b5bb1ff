package io.links.api.bulk;

import java.util.List;

/**
 * The items of one chunk of a bulk task ran.
 *
 * @param taskId   the task
 * @param chunk    the chunk's number
 * @param outcomes one outcome per item
 */
public record BulkChunkRecorded(String taskId, int chunk, List<ItemOutcome> outcomes) {
}
