package io.links.api.bulk;

import java.util.List;

/**
 * A bulk task was accepted; its items, one per link, are numbered in the order of {@code linkIds} and run in
 * chunks of {@code chunkSize}.
 *
 * @param taskId         the task
 * @param organisationId its organisation
 * @param operation      what it does to each link
 * @param planId         the plan of a plan operation, else null
 * @param linkIds        its links
 * @param chunkSize      how many items make one chunk
 */
public record BulkTaskStarted(String taskId, String organisationId, BulkOperation operation, String planId,
                              List<String> linkIds, int chunkSize) {

    /** How many chunks the items make. */
    public int chunks() {
        return (linkIds.size() + chunkSize - 1) / chunkSize;
    }
}
