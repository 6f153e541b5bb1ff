package io.links.command.bulk;

import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.RecordBulkChunk;
import io.links.api.bulk.RunBulkChunk;
import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.api.link.ActivatePlan;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.RemovePlanActivations;
import io.links.api.link.ResumeLink;
import io.links.api.link.SuspendLink;
import io.links.command.link.BulkItem;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the chunks of bulk tasks: each item is the single-link command of the task's operation, with the same rules
 * and error codes, sent as an item of the task so that a rerun changes nothing twice. Items of all tasks share a
 * bounded pool, so that provider latency is overlapped but never unbounded. A failing item is recorded with its
 * code and message and never stops the others.
 */
@Component
@EnableConfigurationProperties(BulkProperties.class)
public class BulkChunkRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkChunkRunner.class);
    private static final int ATTEMPTS_ON_CONFLICT = 5;

    private final CommandGateway commands;
    private final BulkTaskStore store;
    private final ExecutorService chunks;
    private final ExecutorService items;

    public BulkChunkRunner(CommandGateway commands, BulkTaskStore store, BulkProperties properties) {
        this.commands = commands;
        this.store = store;
        this.chunks = Executors.newCachedThreadPool(threads("bulk-chunk"));
        this.items = Executors.newFixedThreadPool(properties.concurrency(), threads("bulk-item"));
    }

    /** Starts the chunk and returns: the chunk records its outcomes itself when its items are done. */
    @CommandHandler
    public void handle(RunBulkChunk command) {
        chunks.execute(() -> {
            try {
                run(command.taskId(), command.chunk());
            } catch (RuntimeException e) {
                // the task resumes this chunk after the next restart; until then its items stay pending
                log.warn("Chunk [{}] of bulk task [{}] could not run", command.chunk(), command.taskId(), e);
            }
        });
    }

    /** Runs the chunk's items and records their outcomes; answers them. */
    List<ItemOutcome> run(String taskId, int chunk) {
        BulkTaskStore.Task task = store.task(taskId)
                .orElseThrow(() -> new IllegalStateException("no bulk task " + taskId));
        int first = chunk * task.chunkSize();
        List<String> links = store.links(taskId, first, first + task.chunkSize());
        Cancellation cancellation = new Cancellation(taskId);
        List<CompletableFuture<ItemOutcome>> running = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            int position = first + i;
            String linkId = links.get(i);
            running.add(CompletableFuture.supplyAsync(() -> cancellation.now()
                    ? new ItemOutcome(position, linkId, ItemStatus.CANCELLED, null, null)
                    : runItem(task, position, linkId, false), items));
        }
        List<ItemOutcome> outcomes = running.stream().map(CompletableFuture::join).toList();
        sendRetryingConflicts(GenericCommandMessage.asCommandMessage(new RecordBulkChunk(taskId, chunk, outcomes)));
        return outcomes;
    }

    /**
     * The outcome each item would have now, found by running its command as a dry run: every rule is checked and
     * nothing is told to the provider or recorded. {@code task} describes the task that would run.
     */
    public List<ItemOutcome> check(BulkTaskStore.Task task, List<String> linkIds) {
        List<CompletableFuture<ItemOutcome>> checks = new ArrayList<>();
        for (int i = 0; i < linkIds.size(); i++) {
            int position = i;
            checks.add(CompletableFuture.supplyAsync(() -> runItem(task, position, linkIds.get(position), true),
                    items));
        }
        return checks.stream().map(CompletableFuture::join).toList();
    }

    private ItemOutcome runItem(BulkTaskStore.Task task, int position, String linkId, boolean dryRun) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventStoreConfiguration.ORGANISATION, task.organisationId());
        meta.put(dryRun ? BulkItem.DRY_RUN : BulkItem.TASK, dryRun ? Boolean.TRUE : task.taskId());
        if (task.actor() != null) {
            meta.put(EventStoreConfiguration.ACTOR, task.actor());
        }
        if (task.requestId() != null) {
            meta.put(EventStoreConfiguration.REQUEST_ID, task.requestId());
        }
        try {
            sendRetryingConflicts(GenericCommandMessage.asCommandMessage(command(task, linkId))
                    .andMetaData(MetaData.from(meta)));
            return new ItemOutcome(position, linkId, ItemStatus.COMPLETED, null, null);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e, linkId);
            if (failure.code() == ErrorCode.INTERNAL_ERROR) {
                log.warn("Item [{}] of bulk task [{}] failed unexpectedly", position, task.taskId(), e);
            }
            return new ItemOutcome(position, linkId, ItemStatus.FAILED, failure.code().code(), failure.message());
        }
    }

    /** The single-link command that the task's operation stands for, for one link. */
    static Object command(BulkTaskStore.Task task, String linkId) {
        String org = task.organisationId();
        return switch (task.operation()) {
            case DELINK -> new DetachSim(linkId, org);
            case DELETE -> new DeleteLink(linkId, org);
            case SUSPEND -> new SuspendLink(linkId, org);
            case RESUME -> new ResumeLink(linkId, org);
            case ACTIVATE_PLAN -> new ActivatePlan(linkId, org, activationId(task.taskId(), linkId), task.planId());
            case REMOVE_PLAN -> new RemovePlanActivations(linkId, org, task.planId());
        };
    }

    /** A task's activation on a link has one id, however often its item runs. */
    static String activationId(String taskId, String linkId) {
        return UUID.nameUUIDFromBytes((taskId + " activates on " + linkId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Sends and waits; a lost race with another command on the same aggregate is tried again, since the next
     * attempt sees the winner's change.
     */
    private void sendRetryingConflicts(Object message) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(message);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS_ON_CONFLICT) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void destroy() {
        chunks.shutdownNow();
        items.shutdownNow();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether the task was cancelled, asked of the store at most every 200 ms while a chunk runs. */
    private final class Cancellation {

        private final String taskId;
        private volatile long checkedAt;
        private volatile boolean cancelled;

        private Cancellation(String taskId) {
            this.taskId = taskId;
        }

        boolean now() {
            long time = System.nanoTime();
            if (!cancelled && time - checkedAt > 200_000_000L) {
                cancelled = store.isCancelled(taskId);
                checkedAt = time;
            }
            return cancelled;
        }
    }

    /**
     * The error code and message an item failed with: the ones the single-link endpoint answers.
     *
     * @param code    the code
     * @param message why
     */
    record Failure(ErrorCode code, String message) {

        static Failure of(Throwable failure, String linkId) {
            Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof LinksException refusal) {
                return new Failure(refusal.code(), refusal.getMessage());
            }
            if (cause instanceof AggregateNotFoundException) {
                return new Failure(ErrorCode.NOT_FOUND, "link " + linkId + " was not found");
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return new Failure(ErrorCode.CONFLICT, "the link was changed by a concurrent request; retry");
            }
            return new Failure(ErrorCode.INTERNAL_ERROR, "the item failed unexpectedly");
        }
    }
}
