package io.links.command.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskResumed;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.CancelBulkTask;
import io.links.api.bulk.FinishBulkTask;
import io.links.api.bulk.RecordBulkChunk;
import io.links.api.bulk.ResumeBulkTask;
import io.links.api.bulk.StartBulkTask;
import io.links.api.bulk.TaskStatus;
import io.links.api.error.LinksException;
import io.links.command.store.CommandTargets;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bulk task: which of its chunks have run, whether it was cancelled, whether it ended. It records each chunk's
 * outcomes once, however often the chunk runs, so that every item is counted exactly once. The
 * {@link BulkTaskSaga} decides what runs when.
 */
@Aggregate(cache = BulkConfiguration.TASK_CACHE, commandTargetResolver = CommandTargets.BEAN)
public class BulkTask {

    @AggregateIdentifier
    private String taskId;
    private String organisationId;
    private int chunks;
    private final Set<Integer> recorded = new HashSet<>();
    private boolean cancelled;
    private boolean finished;

    /** Axon rebuilds a task from its events, starting from this empty instance. */
    protected BulkTask() {
    }

    @CommandHandler
    BulkTask(StartBulkTask command, BulkTaskStore store, BulkProperties properties, Clock clock, MetaData meta) {
        if (command.linkIds().isEmpty()) {
            throw LinksException.invalidField("link_ids", "must name at least one link");
        }
        store.started(new BulkTaskStore.Task(command.taskId(), command.organisationId(), command.operation(),
                command.planId(), text(meta.get(EventStoreConfiguration.ACTOR)),
                text(meta.get(EventStoreConfiguration.REQUEST_ID)), properties.chunkSize(), false), command.linkIds(),
                clock.instant());
        apply(new BulkTaskStarted(command.taskId(), command.organisationId(), command.operation(), command.planId(),
                command.linkIds(), properties.chunkSize()));
    }

    @CommandHandler
    void handle(RecordBulkChunk command) {
        if (finished || recorded.contains(command.chunk())) {
            return;
        }
        if (command.chunk() < 0 || command.chunk() >= chunks) {
            throw new IllegalArgumentException("task " + taskId + " has no chunk " + command.chunk());
        }
        apply(new BulkChunkRecorded(taskId, command.chunk(), command.outcomes()));
    }

    /** Cancelling a cancelled task again changes nothing; an ended task cannot be cancelled. */
    @CommandHandler
    long handle(CancelBulkTask command, BulkTaskStore store) {
        if (!organisationId.equals(command.organisationId())) {
            throw LinksException.notFound("task", taskId);
        }
        if (!cancelled && (finished || recorded.size() == chunks)) {
            throw LinksException.validation("task " + taskId + " has completed; there is nothing left to cancel");
        }
        if (!cancelled) {
            apply(new BulkTaskCancelled(taskId));
            store.cancelled(taskId);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(FinishBulkTask command, BulkTaskStore store) {
        if (finished) {
            return;
        }
        apply(new BulkTaskFinished(taskId, cancelled ? TaskStatus.CANCELLED : TaskStatus.COMPLETED,
                command.skippedChunks()));
        store.finished(taskId);
    }

    @CommandHandler
    void handle(ResumeBulkTask command) {
        if (!finished) {
            apply(new BulkTaskResumed(taskId));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @EventSourcingHandler
    void on(BulkTaskStarted event) {
        taskId = event.taskId();
        organisationId = event.organisationId();
        chunks = event.chunks();
    }

    @EventSourcingHandler
    void on(BulkChunkRecorded event) {
        recorded.add(event.chunk());
    }

    @EventSourcingHandler
    void on(BulkTaskCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(BulkTaskFinished event) {
        finished = true;
    }
}
