package io.links.api.bulk;

/**
 * Run the items of one chunk of a bulk task. Running a chunk again is harmless: each link remembers the tasks that
 * changed it, and the task records a chunk's outcomes once.
 *
 * @param taskId the task
 * @param chunk  the chunk's number, from 0
 */
public record RunBulkChunk(String taskId, int chunk) {
}
