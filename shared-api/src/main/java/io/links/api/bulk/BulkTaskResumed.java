package io.links.api.bulk;

/**
 * A bulk task is picked up again after a restart: the chunks that were running when the node stopped run again.
 *
 * @param taskId the task
 */
public record BulkTaskResumed(String taskId) {
}
