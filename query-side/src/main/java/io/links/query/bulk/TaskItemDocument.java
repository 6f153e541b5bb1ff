package io.links.query.bulk;

import io.links.api.bulk.ItemStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One item of a bulk task in the read model.
 *
 * @param id             the task's id and the item's position
 * @param taskId         the task
 * @param organisationId its organisation
 * @param position       the item's place in the task, from 0
 * @param linkId         the item's link
 * @param status         its outcome so far
 * @param errorCode      the code of a failure, else null
 * @param errorMessage   the reason of a failure, else null
 * @param updatedAt      when it last changed
 */
@Document(TaskItemDocument.COLLECTION)
public record TaskItemDocument(@Id String id, String taskId, String organisationId, int position, String linkId,
                               ItemStatus status, String errorCode, String errorMessage, Instant updatedAt) {

    public static final String COLLECTION = "task_items";

    static String id(String taskId, int position) {
        return taskId + ":" + position;
    }
}
