package io.links.api.bulk;

import java.util.List;

/**
 * A bulk task ended: every item ran, or the task was cancelled and the items of {@code skippedChunks} never started.
 *
 * @param taskId        the task
 * @param status        completed or cancelled
 * @param skippedChunks the chunks whose items are cancelled
 */
public record BulkTaskFinished(String taskId, TaskStatus status, List<Integer> skippedChunks) {
}
