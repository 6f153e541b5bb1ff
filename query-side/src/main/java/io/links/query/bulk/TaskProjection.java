package io.links.query.bulk;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.TaskStatus;
import io.links.query.config.Documents;
import io.links.query.config.ProcessingGroups;
import io.links.query.config.VersionWaiter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Builds the bulk-task read models: one document per task with its counters, one per chunk of the task with its
 * items' outcomes. A task document remembers the last event applied, and the counters move only with an event it has
 * not applied yet, so that redelivery counts nothing twice. Chunk documents are written before the task's, so that a
 * task document, once there, always has its items.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASKS)
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class TaskProjection {

    private static final int INSERT_BATCH = 50;

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;

    public TaskProjection(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    @EventHandler
    void on(BulkTaskStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (Documents.exists(mongo, event.taskId(), TaskDocument.COLLECTION)) {
            return;
        }
        List<String> ids = TaskChunkDocument.ids(event.taskId(), event.chunks());
        // chunks of an earlier, interrupted delivery of this event are replaced whole
        chunkCollection().deleteMany(Filters.in("_id", ids));
        List<org.bson.Document> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < event.chunks(); chunk++) {
            int first = chunk * event.chunkSize();
            int end = Math.min(first + event.chunkSize(), event.linkIds().size());
            List<org.bson.Document> items = new ArrayList<>(end - first);
            for (int position = first; position < end; position++) {
                items.add(stored(new TaskChunkDocument.Item(position, event.linkIds().get(position),
                        ItemStatus.PENDING, null, null, at)));
            }
            chunks.add(stored(ids.get(chunk), event.taskId(), event.organisationId(), chunk, items));
            if (chunks.size() == INSERT_BATCH) {
                chunkCollection().insertMany(chunks);
                chunks.clear();
            }
        }
        if (!chunks.isEmpty()) {
            chunkCollection().insertMany(chunks);
        }
        mongo.insert(new TaskDocument(event.taskId(), event.organisationId(), event.operation(), event.planId(),
                TaskStatus.QUEUED, event.linkIds().size(), 0, 0, 0, sequence, at, at, event.chunks()));
        waiter.projected(event.taskId());
    }

    @EventHandler
    void on(BulkChunkRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TaskDocument task = pending(event.taskId(), sequence);
        if (task == null) {
            return;
        }
        String chunkId = TaskChunkDocument.id(event.taskId(), event.chunk());
        org.bson.Document chunk = chunkCollection().find(Filters.eq("_id", chunkId)).first();
        if (chunk == null) {
            // never count an item whose document is not there: fail, and the processor tries again
            throw new IllegalStateException("chunk " + event.chunk() + " of task " + event.taskId() + " has no "
                    + "document");
        }
        Map<Integer, ItemOutcome> outcomes = new HashMap<>();
        event.outcomes().forEach(outcome -> outcomes.put(outcome.position(), outcome));
        List<org.bson.Document> items = chunk.getList("items", org.bson.Document.class).stream().map(item -> {
            ItemOutcome outcome = outcomes.get(item.getInteger("position"));
            return outcome == null ? item : stored(new TaskChunkDocument.Item(outcome.position(),
                    item.getString("linkId"), outcome.status(), outcome.errorCode(), outcome.message(), at));
        }).toList();
        writeItems(chunkId, items);
        long completed = count(event.outcomes(), ItemStatus.COMPLETED);
        long failed = count(event.outcomes(), ItemStatus.FAILED);
        long cancelled = count(event.outcomes(), ItemStatus.CANCELLED);
        Update counters = new Update().inc("completedItems", completed).inc("failedItems", failed)
                .inc("cancelledItems", cancelled);
        if (task.status() == TaskStatus.QUEUED) {
            counters.set("status", TaskStatus.IN_PROGRESS);
        }
        apply(task.id(), sequence, at, counters);
    }

    /** A cancelled task shows as such at once; its running items still finish and count. */
    @EventHandler
    void on(BulkTaskCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (pending(event.taskId(), sequence) != null) {
            apply(event.taskId(), sequence, at, new Update().set("status", TaskStatus.CANCELLED));
        }
    }

    /**
     * The items that never started are cancelled; the counters then add up to the total. A task that skipped no
     * chunk has every item counted already, as its chunk was recorded, so only its status changes: no chunk is read
     * at the end of a task that ran to completion.
     */
    @EventHandler
    void on(BulkTaskFinished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TaskDocument task = pending(event.taskId(), sequence);
        if (task == null) {
            return;
        }
        if (event.skippedChunks().isEmpty()) {
            apply(event.taskId(), sequence, at, new Update().set("status", event.status()));
            return;
        }
        long cancelled = 0;
        for (TaskChunkDocument chunk : chunks(mongo, task)) {
            List<TaskChunkDocument.Item> items = chunk.items().stream()
                    .map(item -> item.status() != ItemStatus.PENDING ? item : new TaskChunkDocument.Item(
                            item.position(), item.linkId(), ItemStatus.CANCELLED, null, null, at))
                    .toList();
            if (!items.equals(chunk.items())) {
                writeItems(chunk.id(), items.stream().map(TaskProjection::stored).toList());
            }
            // counted, not added up, so that a redelivery after the items were changed counts them all the same
            cancelled += items.stream().filter(item -> item.status() == ItemStatus.CANCELLED).count();
        }
        apply(event.taskId(), sequence, at, new Update().set("status", event.status())
                .set("cancelledItems", cancelled));
    }

    /**
     * Chunks are read and written directly, shaped as the mapping of {@link TaskChunkDocument} stores them: through
     * the mapping layer each of a chunk's items would pass its reflection, at the start of a task and on every chunk
     * recorded.
     */
    private MongoCollection<org.bson.Document> chunkCollection() {
        return mongo.getCollection(TaskChunkDocument.COLLECTION);
    }

    /** Replaces a chunk's items. */
    private void writeItems(String chunkId, List<org.bson.Document> items) {
        chunkCollection().updateOne(Filters.eq("_id", chunkId), Updates.set("items", items));
    }

    /** A chunk as the mapping stores it, with the type hint the mapping would write. */
    private org.bson.Document stored(String id, String taskId, String organisationId, int chunk,
                                     List<org.bson.Document> items) {
        org.bson.Document stored = new org.bson.Document("_id", id).append("taskId", taskId)
                .append("organisationId", organisationId).append("chunk", chunk).append("items", items);
        mongo.getConverter().getTypeMapper().writeType(TaskChunkDocument.class, stored);
        return stored;
    }

    /** An item as the mapping stores it: its enum by name, its time in milliseconds, no empty field. */
    private static org.bson.Document stored(TaskChunkDocument.Item item) {
        org.bson.Document stored = new org.bson.Document("position", item.position())
                .append("linkId", item.linkId()).append("status", item.status().name());
        if (item.errorCode() != null) {
            stored.append("errorCode", item.errorCode());
        }
        if (item.errorMessage() != null) {
            stored.append("errorMessage", item.errorMessage());
        }
        if (item.updatedAt() != null) {
            stored.append("updatedAt", Date.from(item.updatedAt()));
        }
        return stored;
    }

    /**
     * The task's chunks in their order, found by their ids: the embedded store finds documents by id alone and
     * would read every chunk of every task for any other query. A task document of an earlier version does not
     * know its number of chunks; its chunks are found by the task's id.
     */
    static List<TaskChunkDocument> chunks(MongoTemplate mongo, TaskDocument task) {
        if (task.chunks() == null) {
            return mongo.find(Query.query(where("taskId").is(task.id())).with(Sort.by("chunk")),
                    TaskChunkDocument.class);
        }
        List<TaskChunkDocument> chunks = new ArrayList<>(mongo.find(Query.query(where("_id")
                .in(TaskChunkDocument.ids(task.id(), task.chunks()))), TaskChunkDocument.class));
        chunks.sort(Comparator.comparingInt(TaskChunkDocument::chunk));
        return chunks;
    }

    private static long count(List<ItemOutcome> outcomes, ItemStatus status) {
        return outcomes.stream().filter(outcome -> outcome.status() == status).count();
    }

    private TaskDocument pending(String taskId, long sequence) {
        TaskDocument task = mongo.findById(taskId, TaskDocument.class);
        return task == null || task.version() >= sequence ? null : task;
    }

    /** Every handler has checked with {@link #pending} first, so the task is addressed by its id alone. */
    private void apply(String taskId, long sequence, Instant at, Update update) {
        update.set("version", sequence).set("updatedAt", at);
        mongo.updateFirst(byId(taskId), update, TaskDocument.class);
        waiter.projected(taskId);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
