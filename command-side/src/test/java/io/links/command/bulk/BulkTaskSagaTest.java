package io.links.command.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskResumed;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.FinishBulkTask;
import io.links.api.bulk.RunBulkChunk;
import io.links.api.bulk.TaskStatus;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The decisions of the saga driving a bulk task: which chunks run when, and when the task is asked to finish. The
 * task of most tests has 35 links in chunks of 10, so chunks 0 to 3, of which two run at a time.
 */
class BulkTaskSagaTest {

    private static final String TASK = "task-1";
    private static final BulkTaskStarted STARTED = started(35);
    private static final BulkTaskCancelled CANCELLED = new BulkTaskCancelled(TASK);

    private SagaTestFixture<BulkTaskSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BulkTaskSaga.class);
        fixture.registerResource(new BulkProperties(10, 2, 4));
    }

    private static BulkTaskStarted started(int links) {
        List<String> linkIds = IntStream.range(0, links).mapToObj(i -> "link-" + i).toList();
        return new BulkTaskStarted(TASK, "org-1", BulkOperation.SUSPEND, null, linkIds, 10);
    }

    private static BulkChunkRecorded recorded(int chunk) {
        return new BulkChunkRecorded(TASK, chunk, List.of());
    }

    private static RunBulkChunk run(int chunk) {
        return new RunBulkChunk(TASK, chunk);
    }

    @Nested
    class Running {

        @Test
        void startsOnlyAsManyChunksAsMayRunAtOnce() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(STARTED)
                    .expectActiveSagas(1)
                    .expectAssociationWith("taskId", TASK)
                    .expectDispatchedCommands(run(0), run(1));
        }

        @Test
        void startsTheNextChunkWhenARunningOneIsRecorded() {
            fixture.givenAPublished(STARTED)
                    .whenPublishingA(recorded(0))
                    .expectDispatchedCommands(run(2));
        }

        @Test
        void startsNoChunkPastTheLast() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .whenPublishingA(recorded(2))
                    .expectNoDispatchedCommands();
        }

        @Test
        void waitsForEveryRunningChunkBeforeFinishing() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .whenPublishingA(recorded(3))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void finishesWithNothingSkippedWhenTheLastRunningChunkIsRecorded() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .andThenAPublished(recorded(3))
                    .whenPublishingA(recorded(2))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of()));
        }

        @Test
        void aTaskOfOneChunkStartsThatChunkOnly() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(started(10))
                    .expectDispatchedCommands(run(0));
        }

        @Test
        void aTaskOfOneChunkFinishesAfterItsChunk() {
            fixture.givenAPublished(started(10))
                    .whenPublishingA(recorded(0))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of()));
        }

        @Test
        void endsWhenTheTaskFinished() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .andThenAPublished(recorded(2)).andThenAPublished(recorded(3))
                    .whenPublishingA(new BulkTaskFinished(TASK, TaskStatus.COMPLETED, List.of()))
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aCancelWhileChunksRunAsksForNothingYet() {
            fixture.givenAPublished(STARTED)
                    .whenPublishingA(CANCELLED)
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void startsNoFurtherChunkOnceCancelled() {
            fixture.givenAPublished(STARTED).andThenAPublished(CANCELLED)
                    .whenPublishingA(recorded(0))
                    .expectNoDispatchedCommands();
        }

        @Test
        void finishesOnceTheRunningChunksAreRecordedSkippingTheOnesNeverStarted() {
            fixture.givenAPublished(STARTED).andThenAPublished(CANCELLED).andThenAPublished(recorded(1))
                    .whenPublishingA(recorded(0))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of(2, 3)));
        }

        @Test
        void skipsOnlyTheChunksNotStartedWhenCancelledLater() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(CANCELLED)
                    .andThenAPublished(recorded(1))
                    .whenPublishingA(recorded(2))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of(3)));
        }

        @Test
        void aCancelAfterTheFinishWasRequestedAsksForNoSecondFinish() {
            // a chunk runs from the task's start until the finish is asked for, so this is the only moment
            // a cancel can come while nothing runs
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .andThenAPublished(recorded(2)).andThenAPublished(recorded(3))
                    .whenPublishingA(CANCELLED)
                    .expectNoDispatchedCommands();
        }

        @Test
        void endsWhenTheCancelledTaskFinished() {
            fixture.givenAPublished(STARTED).andThenAPublished(CANCELLED).andThenAPublished(recorded(0))
                    .andThenAPublished(recorded(1))
                    .whenPublishingA(new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(2, 3)))
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class Resuming {

        @Test
        void runsAgainExactlyTheChunksThatWereRunning() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0))
                    .whenPublishingA(new BulkTaskResumed(TASK))
                    .expectDispatchedCommands(run(1), run(2));
        }

        @Test
        void runsAgainTheRunningChunksOfACancelledTaskAndStartsNoOther() {
            fixture.givenAPublished(STARTED).andThenAPublished(CANCELLED)
                    .whenPublishingA(new BulkTaskResumed(TASK))
                    .expectDispatchedCommands(run(0), run(1));
        }

        @Test
        void asksAgainToFinishWhenTheFinishWasAlreadyRequested() {
            fixture.givenAPublished(STARTED).andThenAPublished(recorded(0)).andThenAPublished(recorded(1))
                    .andThenAPublished(recorded(2)).andThenAPublished(recorded(3))
                    .whenPublishingA(new BulkTaskResumed(TASK))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of()));
        }

        @Test
        void asksAgainToFinishACancelledTaskWithTheSameSkippedChunks() {
            fixture.givenAPublished(STARTED).andThenAPublished(CANCELLED).andThenAPublished(recorded(0))
                    .andThenAPublished(recorded(1))
                    .whenPublishingA(new BulkTaskResumed(TASK))
                    .expectDispatchedCommands(new FinishBulkTask(TASK, List.of(2, 3)));
        }
    }
}
