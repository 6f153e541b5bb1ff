package io.links.command.bulk;

import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.RecordBulkChunk;
import io.links.api.link.ActivatePlan;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.RemovePlanActivations;
import io.links.api.link.ResumeLink;
import io.links.api.link.SuspendLink;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

/**
 * The single-link command each bulk operation stands for, the activation id a task gives each link, and the items
 * a chunk runs.
 */
class BulkChunkRunnerTest {

    private static final String TASK = "task-1";
    private static final String ORG = "org-1";
    private static final String LINK = "link-1";

    private static BulkTaskStore.Task task(BulkOperation operation, String planId) {
        return new BulkTaskStore.Task(TASK, ORG, operation, planId, "key-1", "req-1", 50, false);
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of(BulkOperation.DELINK, null, new DetachSim(LINK, ORG)),
                Arguments.of(BulkOperation.DELETE, null, new DeleteLink(LINK, ORG)),
                Arguments.of(BulkOperation.SUSPEND, null, new SuspendLink(LINK, ORG)),
                Arguments.of(BulkOperation.RESUME, null, new ResumeLink(LINK, ORG)),
                Arguments.of(BulkOperation.ACTIVATE_PLAN, "plan-1",
                        new ActivatePlan(LINK, ORG, BulkChunkRunner.activationId(TASK, LINK), "plan-1")),
                Arguments.of(BulkOperation.REMOVE_PLAN, "plan-1", new RemovePlanActivations(LINK, ORG, "plan-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void eachOperationIsTheSingleLinkCommandOfItsEndpoint(BulkOperation operation, String planId, Object expected) {
        assertThat(BulkChunkRunner.command(task(operation, planId), LINK)).isEqualTo(expected);
    }

    @Test
    void everyOperationHasACommand() {
        assertThat(operations().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) BulkOperation.values());
    }

    @Test
    void aTasksActivationOnALinkKeepsItsIdHoweverOftenItsItemRuns() {
        String id = BulkChunkRunner.activationId(TASK, LINK);

        assertThat(BulkChunkRunner.activationId(TASK, LINK)).isEqualTo(id);
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(BulkChunkRunner.command(task(BulkOperation.ACTIVATE_PLAN, "plan-1"), LINK))
                .isEqualTo(BulkChunkRunner.command(task(BulkOperation.ACTIVATE_PLAN, "plan-1"), LINK));
    }

    @Test
    void eachLinkAndEachTaskGetsItsOwnActivationId() {
        String id = BulkChunkRunner.activationId(TASK, LINK);

        assertThat(BulkChunkRunner.activationId(TASK, "link-2")).isNotEqualTo(id);
        assertThat(BulkChunkRunner.activationId("task-2", LINK)).isNotEqualTo(id);
    }

    /**
     * A task is cut into chunks once, when it starts ({@link BulkTaskStarted#chunkSize()}); the saga and the task
     * count its chunks by that size. A node that resumes the task after a restart with another
     * {@code links.bulk.chunk-size} must still run every item of it.
     */
    @Test
    void theChunksOfATaskRunEachOfItsItemsWhateverTheChunkSizeOfTheNodeNow() {
        List<String> links = IntStream.range(0, 100).mapToObj(i -> "link-" + i).toList();
        BulkTaskStarted started = new BulkTaskStarted(TASK, ORG, BulkOperation.SUSPEND, null, links, 50);
        BulkTaskStore store = mock(BulkTaskStore.class);
        when(store.task(TASK)).thenReturn(Optional.of(task(BulkOperation.SUSPEND, null)));
        when(store.links(eq(TASK), anyInt(), anyInt())).thenAnswer(call -> {
            int from = call.getArgument(1);
            int to = call.getArgument(2);
            return links.subList(Math.min(from, links.size()), Math.min(to, links.size()));
        });
        CommandGateway commands = mock(CommandGateway.class);
        BulkChunkRunner runner = new BulkChunkRunner(commands, store, new BulkProperties(10, 2, 4));

        try {
            for (int chunk = 0; chunk < started.chunks(); chunk++) {
                runner.run(TASK, chunk);
            }
        } finally {
            runner.destroy();
        }

        List<Integer> recorded = mockingDetails(commands).getInvocations().stream()
                .map(invocation -> invocation.getArgument(0))
                .filter(CommandMessage.class::isInstance)
                .map(message -> ((CommandMessage<?>) message).getPayload())
                .filter(RecordBulkChunk.class::isInstance)
                .flatMap(record -> ((RecordBulkChunk) record).outcomes().stream())
                .map(ItemOutcome::position)
                .toList();
        List<Integer> neverRun = IntStream.range(0, links.size()).boxed().filter(item -> !recorded.contains(item))
                .toList();
        assertThat(neverRun).as("the items of the task that none of its chunks ran").isEmpty();
        assertThat(recorded).as("the items recorded by the task's chunks").doesNotHaveDuplicates();
    }
}
