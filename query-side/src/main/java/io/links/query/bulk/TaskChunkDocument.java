package io.links.query.bulk;

import io.links.api.bulk.ItemStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one chunk of a bulk task in the read model. Items are kept by chunk, the unit in which a task records
 * them, so that a task of 10,000 items takes 200 document writes when it starts and one more per chunk recorded,
 * rather than one per item each time.
 *
 * @param id             the task's id and the chunk's number
 * @param taskId         the task
 * @param organisationId its organisation
 * @param chunk          the chunk's number, from 0
 * @param items          its items in the order of their positions
 */
@Document(TaskChunkDocument.COLLECTION)
public record TaskChunkDocument(@Id String id, String taskId, String organisationId, int chunk, List<Item> items) {

    public static final String COLLECTION = "task_chunks";

    static String id(String taskId, int chunk) {
        return taskId + ":" + chunk;
    }

    /** The ids of a task's first {@code chunks} chunks, in their order. */
    static List<String> ids(String taskId, int chunks) {
        List<String> ids = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            ids.add(id(taskId, chunk));
        }
        return ids;
    }

    /**
     * One item of a bulk task.
     *
     * @param position     the item's place in the task, from 0
     * @param linkId       the item's link
     * @param status       its outcome so far
     * @param errorCode    the code of a failure, else null
     * @param errorMessage the reason of a failure, else null
     * @param updatedAt    when it last changed
     */
    public record Item(int position, String linkId, ItemStatus status, String errorCode, String errorMessage,
                       Instant updatedAt) {
    }
}
