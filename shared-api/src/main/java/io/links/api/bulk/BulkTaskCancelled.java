package io.links.api.bulk;

/**
 * A bulk task was cancelled: no further item starts; the items already running finish.
 *
 * @param taskId the task
 */
public record BulkTaskCancelled(String taskId) {
}
