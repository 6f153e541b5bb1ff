package io.links.command.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskResumed;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.CancelBulkTask;
import io.links.api.bulk.FinishBulkTask;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.RecordBulkChunk;
import io.links.api.bulk.ResumeBulkTask;
import io.links.api.bulk.StartBulkTask;
import io.links.api.bulk.TaskStatus;
import io.links.api.error.ErrorCode;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.links.command.support.Refusals.refusedWith;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Every rule of a bulk task, given its events so far: the task of most tests has 35 links in chunks of 10, so
 * chunks 0 to 3.
 */
class BulkTaskTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TASK = "task-1";
    private static final String ORG = "org-1";
    private static final List<String> LINKS = IntStream.range(0, 35).mapToObj(i -> "link-" + i).toList();

    private static final BulkTaskStarted STARTED = new BulkTaskStarted(TASK, ORG, BulkOperation.SUSPEND, null, LINKS,
            10);
    private static final BulkTaskCancelled CANCELLED = new BulkTaskCancelled(TASK);
    private static final List<ItemOutcome> OUTCOMES = List.of(
            new ItemOutcome(0, "link-0", ItemStatus.COMPLETED, null, null),
            new ItemOutcome(1, "link-1", ItemStatus.FAILED, "validation_error", "link link-1 is suspended"));

    private AggregateTestFixture<BulkTask> fixture;
    private BulkTaskStore store;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BulkTask.class);
        store = mock(BulkTaskStore.class);
        fixture.registerInjectableResource(store);
        fixture.registerInjectableResource(new BulkProperties(10, 2, 4));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static BulkChunkRecorded recorded(int chunk) {
        return new BulkChunkRecorded(TASK, chunk, OUTCOMES);
    }

    @Nested
    class Starting {

        @Test
        void startsInChunksOfTheConfiguredSizeAndRecordsTheTaskInTheStore() {
            fixture.givenNoPriorActivity()
                    .when(new StartBulkTask(TASK, ORG, BulkOperation.SUSPEND, null, LINKS),
                            Map.of(EventStoreConfiguration.ACTOR, "key-1", EventStoreConfiguration.REQUEST_ID, "req-1"))
                    .expectEvents(STARTED);

            verify(store).started(new BulkTaskStore.Task(TASK, ORG, BulkOperation.SUSPEND, null, "key-1", "req-1",
                    10, false), LINKS, NOW);
        }

        @Test
        void keepsThePlanOfAPlanOperationAndNoActorWhenNoneIsKnown() {
            List<String> links = List.of("link-0");

            fixture.givenNoPriorActivity()
                    .when(new StartBulkTask(TASK, ORG, BulkOperation.ACTIVATE_PLAN, "plan-1", links))
                    .expectEvents(new BulkTaskStarted(TASK, ORG, BulkOperation.ACTIVATE_PLAN, "plan-1", links, 10));

            verify(store).started(new BulkTaskStore.Task(TASK, ORG, BulkOperation.ACTIVATE_PLAN, "plan-1", null, null,
                    10, false), links, NOW);
        }

        @Test
        void refusesATaskWithoutLinks() {
            refusedWith(fixture.givenNoPriorActivity()
                            .when(new StartBulkTask(TASK, ORG, BulkOperation.SUSPEND, null, List.of())),
                    ErrorCode.VALIDATION_ERROR, "at least one link");

            verifyNoInteractions(store);
        }
    }

    @Nested
    class RecordingChunks {

        @Test
        void recordsTheOutcomesOfAChunk() {
            fixture.given(STARTED)
                    .when(new RecordBulkChunk(TASK, 0, OUTCOMES))
                    .expectEvents(recorded(0));
        }

        @Test
        void recordsTheLastChunk() {
            fixture.given(STARTED)
                    .when(new RecordBulkChunk(TASK, 3, OUTCOMES))
                    .expectEvents(recorded(3));
        }

        @Test
        void recordsAChunkOnlyOnce() {
            fixture.given(STARTED, recorded(0))
                    .when(new RecordBulkChunk(TASK, 0, OUTCOMES))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAChunkTheTaskDoesNotHave() {
            fixture.given(STARTED)
                    .when(new RecordBulkChunk(TASK, 4, OUTCOMES))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("no chunk 4"))
                    .expectNoEvents();
            fixture.given(STARTED)
                    .when(new RecordBulkChunk(TASK, -1, OUTCOMES))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void recordsNothingOnceTheTaskFinished() {
            fixture.given(STARTED, CANCELLED, new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(0, 1, 2, 3)))
                    .when(new RecordBulkChunk(TASK, 0, OUTCOMES))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelsARunningTaskAndMarksItInTheStore() {
            fixture.given(STARTED, recorded(0))
                    .when(new CancelBulkTask(TASK, ORG))
                    .expectEvents(CANCELLED)
                    .expectResultMessagePayload(2L);

            verify(store).cancelled(TASK);
        }

        @Test
        void anotherOrganisationsTaskIsNotFound() {
            refusedWith(fixture.given(STARTED).when(new CancelBulkTask(TASK, "org-2")), ErrorCode.NOT_FOUND, TASK);

            verifyNoInteractions(store);
        }

        @Test
        void cancellingTwiceCancelsOnce() {
            fixture.given(STARTED, CANCELLED)
                    .when(new CancelBulkTask(TASK, ORG))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);

            verify(store, never()).cancelled(anyString());
        }

        @Test
        void refusesToCancelATaskWhoseItemsAllRanThoughItIsNotFinishedYet() {
            refusedWith(fixture.given(STARTED, recorded(0), recorded(1), recorded(2), recorded(3))
                    .when(new CancelBulkTask(TASK, ORG)), ErrorCode.VALIDATION_ERROR, "has completed");

            verifyNoInteractions(store);
        }

        @Test
        void refusesToCancelACompletedTask() {
            refusedWith(fixture.given(STARTED, recorded(0), recorded(1), recorded(2), recorded(3),
                            new BulkTaskFinished(TASK, TaskStatus.COMPLETED, List.of()))
                    .when(new CancelBulkTask(TASK, ORG)), ErrorCode.VALIDATION_ERROR, "has completed");

            verifyNoInteractions(store);
        }

        @Test
        void cancellingATaskThatWasCancelledAndFinishedChangesNothing() {
            fixture.given(STARTED, CANCELLED, new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(0, 1, 2, 3)))
                    .when(new CancelBulkTask(TASK, ORG))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);

            verifyNoInteractions(store);
        }
    }

    @Nested
    class Finishing {

        @Test
        void finishesAsCompletedAndMarksItInTheStore() {
            fixture.given(STARTED, recorded(0), recorded(1), recorded(2), recorded(3))
                    .when(new FinishBulkTask(TASK, List.of()))
                    .expectEvents(new BulkTaskFinished(TASK, TaskStatus.COMPLETED, List.of()));

            verify(store).finished(TASK);
        }

        @Test
        void finishesAsCancelledAfterACancelWithTheSkippedChunks() {
            fixture.given(STARTED, CANCELLED, recorded(0), recorded(1))
                    .when(new FinishBulkTask(TASK, List.of(2, 3)))
                    .expectEvents(new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(2, 3)));

            verify(store).finished(TASK);
        }

        @Test
        void finishesOnlyOnce() {
            fixture.given(STARTED, recorded(0), recorded(1), recorded(2), recorded(3),
                            new BulkTaskFinished(TASK, TaskStatus.COMPLETED, List.of()))
                    .when(new FinishBulkTask(TASK, List.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            verify(store, never()).finished(any());
        }
    }

    @Nested
    class Resuming {

        @Test
        void resumesAnUnfinishedTask() {
            fixture.given(STARTED, recorded(0))
                    .when(new ResumeBulkTask(TASK))
                    .expectEvents(new BulkTaskResumed(TASK));
        }

        @Test
        void resumesACancelledTaskWhoseRunningChunksAreNotYetRecorded() {
            fixture.given(STARTED, CANCELLED)
                    .when(new ResumeBulkTask(TASK))
                    .expectEvents(new BulkTaskResumed(TASK));
        }

        @Test
        void aFinishedTaskIsNotResumed() {
            fixture.given(STARTED, CANCELLED, new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(0, 1, 2, 3)))
                    .when(new ResumeBulkTask(TASK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
