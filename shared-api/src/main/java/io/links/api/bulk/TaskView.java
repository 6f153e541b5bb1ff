package io.links.api.bulk;

import java.time.Instant;

/**
 * A bulk task as the API shows it. The counters always add up: completed + failed + pending + cancelled = total.
 *
 * @param id             its id
 * @param type           its operation
 * @param planId         the plan of a plan operation, else null
 * @param status         where it is
 * @param totalItems     how many links it was created with
 * @param completedItems items done
 * @param failedItems    items that failed, each with its reason
 * @param pendingItems   items not yet run
 * @param cancelledItems items never started because the task was cancelled
 * @param createdAt      when it was accepted
 * @param updatedAt      when it last moved on
 */
public record TaskView(String id, BulkOperation type, String planId, TaskStatus status, long totalItems,
                       long completedItems, long failedItems, long pendingItems, long cancelledItems,
                       Instant createdAt, Instant updatedAt) {
}
