package io.links.query.bulk;

import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.TaskStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A bulk task in the read model, with its counters.
 *
 * @param id             the task's id
 * @param organisationId its organisation
 * @param type           its operation
 * @param planId         its plan, or null
 * @param status         where it is
 * @param totalItems     its items
 * @param completedItems items done
 * @param failedItems    items failed
 * @param cancelledItems items never started
 * @param version        the sequence number of the last task event applied
 * @param createdAt      when it was accepted
 * @param updatedAt      when it last moved on
 * @param chunks         how many chunk documents hold its items; null in a task document an earlier version
 *                       wrote, whose chunks are then found by the task's id
 */
@Document(TaskDocument.COLLECTION)
public record TaskDocument(@Id String id, String organisationId, BulkOperation type, String planId,
                           TaskStatus status, long totalItems, long completedItems, long failedItems,
                           long cancelledItems, long version, Instant createdAt, Instant updatedAt, Integer chunks) {

    public static final String COLLECTION = "tasks";
}
