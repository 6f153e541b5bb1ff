package io.links.query.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.TaskStatus;
import io.links.query.config.ProcessingGroups;
import io.links.query.config.VersionWaiter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Builds the bulk-task read models: one document per task with its counters, one per item with its outcome. A task
 * document remembers the last event applied, and the counters move only with an event it has not applied yet, so
 * that redelivery counts nothing twice. Item documents are written before the task's, so that a task document, once
 * there, always has its items.
 */
@Component
@ProcessingGroup(ProcessingGroups.TASKS)
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class TaskProjection {

    private static final int INSERT_BATCH = 1_000;

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;

    public TaskProjection(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    @EventHandler
    void on(BulkTaskStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (mongo.exists(byId(event.taskId()), TaskDocument.class)) {
            return;
        }
        // items of an earlier, interrupted delivery of this event are replaced whole
        mongo.remove(Query.query(where("taskId").is(event.taskId())), TaskItemDocument.class);
        List<TaskItemDocument> items = new ArrayList<>();
        for (int position = 0; position < event.linkIds().size(); position++) {
            items.add(new TaskItemDocument(TaskItemDocument.id(event.taskId(), position), event.taskId(),
                    event.organisationId(), position, event.linkIds().get(position), ItemStatus.PENDING, null, null,
                    at));
            if (items.size() == INSERT_BATCH) {
                mongo.insertAll(items);
                items.clear();
            }
        }
        mongo.insertAll(items);
        mongo.insert(new TaskDocument(event.taskId(), event.organisationId(), event.operation(), event.planId(),
                TaskStatus.QUEUED, event.linkIds().size(), 0, 0, 0, sequence, at, at));
        waiter.projected(event.taskId());
    }

    @EventHandler
    void on(BulkChunkRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TaskDocument task = pending(event.taskId(), sequence);
        if (task == null) {
            return;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TaskItemDocument.class);
        long completed = 0;
        long failed = 0;
        long cancelled = 0;
        for (ItemOutcome outcome : event.outcomes()) {
            writes.updateOne(byId(TaskItemDocument.id(event.taskId(), outcome.position())), new Update()
                    .set("status", outcome.status()).set("errorCode", outcome.errorCode())
                    .set("errorMessage", outcome.message()).set("updatedAt", at));
            completed += outcome.status() == ItemStatus.COMPLETED ? 1 : 0;
            failed += outcome.status() == ItemStatus.FAILED ? 1 : 0;
            cancelled += outcome.status() == ItemStatus.CANCELLED ? 1 : 0;
        }
        if (!event.outcomes().isEmpty()) {
            int matched = writes.execute().getMatchedCount();
            if (matched != event.outcomes().size()) {
                // never count an item whose document was not written: fail, and the processor tries again
                throw new IllegalStateException("chunk " + event.chunk() + " of task " + event.taskId() + " found "
                        + matched + " of its " + event.outcomes().size() + " item documents");
            }
        }
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

    /** The items that never started are cancelled; the counters then add up to the total. */
    @EventHandler
    void on(BulkTaskFinished event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (pending(event.taskId(), sequence) == null) {
            return;
        }
        Query neverStarted = Query.query(where("taskId").is(event.taskId()).and("status").is(ItemStatus.PENDING));
        mongo.updateMulti(neverStarted, new Update().set("status", ItemStatus.CANCELLED).set("updatedAt", at),
                TaskItemDocument.class);
        // counted, not added up, so that a redelivery after the items were changed counts them all the same
        long cancelled = mongo.count(Query.query(where("taskId").is(event.taskId()).and("status")
                .is(ItemStatus.CANCELLED)), TaskItemDocument.class);
        apply(event.taskId(), sequence, at, new Update().set("status", event.status())
                .set("cancelledItems", cancelled));
    }

    private TaskDocument pending(String taskId, long sequence) {
        TaskDocument task = mongo.findById(taskId, TaskDocument.class);
        return task == null || task.version() >= sequence ? null : task;
    }

    /** Every handler has checked with {@link #pending} first; the task is addressed by its id alone (see links). */
    private void apply(String taskId, long sequence, Instant at, Update update) {
        update.set("version", sequence).set("updatedAt", at);
        mongo.updateFirst(byId(taskId), update, TaskDocument.class);
        waiter.projected(taskId);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }
}
