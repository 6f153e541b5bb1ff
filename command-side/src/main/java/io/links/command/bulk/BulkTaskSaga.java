package io.links.command.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskResumed;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.FinishBulkTask;
import io.links.api.bulk.RunBulkChunk;
import io.links.command.store.StoredByFields;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Drives one bulk task: keeps a bounded number of its chunks running, starts the next as each one is recorded,
 * starts no more once the task is cancelled, and ends the task when no chunk runs any more. After a restart it
 * starts again the chunks that were running, which is harmless since a chunk's second run changes nothing.
 *
 * <p>Its state is small (counters and the running chunks' numbers), so that storing it after every event stays
 * cheap whatever the task's size; the items themselves are in {@link BulkTaskStore}.
 */
@Saga
@StoredByFields
public class BulkTaskSaga {

    private transient CommandGateway commands;
    private transient BulkProperties properties;

    private String taskId;
    private int chunks;
    private int nextChunk;
    private TreeSet<Integer> running = new TreeSet<>();
    private boolean cancelled;
    private boolean finishing;

    @Autowired
    void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @Autowired
    void setProperties(BulkProperties properties) {
        this.properties = properties;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "taskId")
    void on(BulkTaskStarted event) {
        taskId = event.taskId();
        chunks = event.chunks();
        startMore();
    }

    @SagaEventHandler(associationProperty = "taskId")
    void on(BulkChunkRecorded event) {
        running.remove(event.chunk());
        startMore();
    }

    @SagaEventHandler(associationProperty = "taskId")
    void on(BulkTaskCancelled event) {
        cancelled = true;
        finishIfIdle();
    }

    @SagaEventHandler(associationProperty = "taskId")
    void on(BulkTaskResumed event) {
        for (int chunk : running) {
            commands.send(new RunBulkChunk(taskId, chunk));
        }
        startMore();
        if (finishing) {
            commands.send(new FinishBulkTask(taskId, skipped()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "taskId")
    void on(BulkTaskFinished event) {
        running.clear();
    }

    private void startMore() {
        while (!cancelled && nextChunk < chunks && running.size() < properties.chunksInFlight()) {
            running.add(nextChunk);
            commands.send(new RunBulkChunk(taskId, nextChunk));
            nextChunk++;
        }
        finishIfIdle();
    }

    private void finishIfIdle() {
        if (!finishing && running.isEmpty() && (cancelled || nextChunk >= chunks)) {
            finishing = true;
            commands.send(new FinishBulkTask(taskId, skipped()));
        }
    }

    /** The chunks a cancel kept from starting. */
    private List<Integer> skipped() {
        List<Integer> skipped = new ArrayList<>();
        for (int chunk = nextChunk; cancelled && chunk < chunks; chunk++) {
            skipped.add(chunk);
        }
        return skipped;
    }
}
