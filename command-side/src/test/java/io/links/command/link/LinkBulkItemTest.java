package io.links.command.link;

import io.links.api.error.ErrorCode;
import io.links.api.link.ActivatePlan;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationResult;
import io.links.api.link.BulkItemApplied;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkResumed;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.RemovePlanActivations;
import io.links.api.link.ResumeLink;
import io.links.api.link.SuspendLink;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.links.command.link.LinkFixtures.ACTIVATED;
import static io.links.command.link.LinkFixtures.CREATED;
import static io.links.command.link.LinkFixtures.DETACHED;
import static io.links.command.link.LinkFixtures.LINK;
import static io.links.command.link.LinkFixtures.ORG;
import static io.links.command.link.LinkFixtures.PLAN;
import static io.links.command.link.LinkFixtures.SIM;
import static io.links.command.link.LinkFixtures.SUSPENDED;
import static io.links.command.link.LinkFixtures.activated;
import static io.links.command.link.LinkFixtures.linkFixture;
import static io.links.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link commands a bulk task runs, as items of the task (whose rerun changes nothing twice) and as dry runs
 * (which check every rule and change nothing), and the bulk-only removal of a plan's activations.
 */
class LinkBulkItemTest {

    private static final String TASK = "task-1";
    private static final PlanSnapshot GLOBAL_PLAN = new PlanSnapshot("plan-global", "World 1 GB", 1_000_000_000L, 30,
            "cov-3", List.of("global"), false);

    /** The mark an item left as an event of its own, in histories that earlier versions recorded. */
    private static final BulkItemApplied APPLIED = new BulkItemApplied(LINK, TASK);

    private static final Map<String, Object> AS_ITEM = Map.of(BulkItem.TASK, TASK);
    private static final Map<String, Object> AS_DRY_RUN = Map.of(BulkItem.DRY_RUN, true);

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private RecordingUpstream upstream;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog(ORG).with(SIM).with(PLAN).with(GLOBAL_PLAN);
        catalog.bindings.put(SIM.id(), LINK);
        catalog.activations.put("act-1", PLAN.id());
        upstream = new RecordingUpstream();
        fixture = linkFixture(catalog, upstream);
    }

    /** {@code event} as the item of {@code task} records it: naming the task in its metadata. */
    private static EventMessage<?> ofTask(String task, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(BulkItem.TASK, task));
    }

    private static EventMessage<?>[] ofTask(String task, List<Object> events) {
        return events.stream().map(event -> ofTask(task, event)).toArray(EventMessage<?>[]::new);
    }

    /**
     * One command a bulk task runs, on a link where it succeeds.
     *
     * @param name    what it does, as the test's name
     * @param before  the link's events before the command
     * @param command the command
     * @param changes the events the command applies
     * @param calls   the calls it makes upstream
     * @param answer  its answer, given the link's version
     */
    record Item(String name, List<Object> before, Object command, List<Object> changes, List<String> calls,
                LongFunction<Object> answer) {

        static Item of(String name, List<Object> before, Object command, List<Object> changes, String call) {
            return new Item(name, before, command, changes, List.of(call), version -> version);
        }

        List<Object> beforeAnd(Object... more) {
            List<Object> events = new ArrayList<>(before);
            events.addAll(List.of(more));
            return events;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Item> items() {
        return Stream.of(
                Item.of("suspend", List.of(CREATED, ACTIVATED), new SuspendLink(LINK, ORG), List.of(SUSPENDED),
                        "suspend " + SIM.iccid()),
                Item.of("resume", List.of(CREATED, ACTIVATED, SUSPENDED), new ResumeLink(LINK, ORG),
                        List.of(new LinkResumed(LINK)), "resume " + SIM.iccid()),
                Item.of("detach", List.of(CREATED, ACTIVATED), new DetachSim(LINK, ORG), List.of(DETACHED),
                        "release " + SIM.iccid()),
                Item.of("delete", List.of(CREATED, ACTIVATED, DETACHED), new DeleteLink(LINK, ORG),
                        List.of(new ActivationRemoved(LINK, "act-1"), new LinkDeleted(LINK)), "delete " + LINK),
                new Item("activate plan", List.of(CREATED), new ActivatePlan(LINK, ORG, "act-9", PLAN.id()),
                        List.of(activated("act-9", PLAN)), List.of("activate " + SIM.iccid() + " " + PLAN.id()),
                        version -> new ActivationResult(version, "act-9")),
                Item.of("remove plan activations", List.of(CREATED, ACTIVATED),
                        new RemovePlanActivations(LINK, ORG, PLAN.id()), List.of(new ActivationRemoved(LINK, "act-1")),
                        "deactivate " + SIM.iccid()));
    }

    @Nested
    class AsAnItemOfATask {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.links.command.link.LinkBulkItemTest#items")
        void appliesItsEventsEachNamingTheTask(Item item) {
            fixture.given(item.before())
                    .when(item.command(), AS_ITEM)
                    .expectEvents(ofTask(TASK, item.changes()))
                    .expectResultMessagePayload(item.answer().apply(item.before().size() + item.changes().size() - 1));

            assertThat(upstream.calls()).isEqualTo(item.calls());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.links.command.link.LinkBulkItemTest#items")
        void aRerunOfTheSameTaskChangesNothingAndAnswersAsBefore(Item item) {
            assertRerunChangesNothing(item, item.beforeAnd((Object[]) ofTask(TASK, item.changes())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.links.command.link.LinkBulkItemTest#items")
        void aRerunOfAnItemThatAnEarlierVersionMarkedChangesNothing(Item item) {
            List<Object> given = item.beforeAnd(item.changes().toArray());
            given.add(APPLIED);
            assertRerunChangesNothing(item, given);
        }

        private void assertRerunChangesNothing(Item item, List<Object> given) {
            Map<String, String> bindings = new HashMap<>(catalog.bindings);
            Map<String, String> activations = new HashMap<>(catalog.activations);

            fixture.given(given)
                    .when(item.command(), AS_ITEM)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(item.answer().apply(given.size() - 1));

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).isEqualTo(bindings);
            assertThat(catalog.activations).isEqualTo(activations);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.links.command.link.LinkBulkItemTest#items")
        void anItemOfAnotherTaskIsNotTakenForDone(Item item) {
            List<Object> given = new ArrayList<>(List.of(ofTask("task-0", item.before())));
            given.add(new BulkItemApplied(LINK, "task-0"));

            fixture.given(given)
                    .when(item.command(), AS_ITEM)
                    .expectEvents(ofTask(TASK, item.changes()));

            assertThat(upstream.calls()).isEqualTo(item.calls());
        }

        @Test
        void anotherTaskSuspendingALinkThatOneTaskSuspendedIsRefused() {
            refusedWith(fixture.given(CREATED, ACTIVATED, ofTask(TASK, SUSPENDED))
                    .when(new SuspendLink(LINK, ORG), Map.of(BulkItem.TASK, "task-2")), ErrorCode.VALIDATION_ERROR,
                    "only an active link");

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void theTaskOfAnotherOrganisationFindsNoLink() {
            refusedWith(fixture.given(CREATED, ACTIVATED, ofTask(TASK, SUSPENDED))
                    .when(new SuspendLink(LINK, "org-2"), AS_ITEM), ErrorCode.NOT_FOUND, LINK);
        }
    }

    @Nested
    class AsADryRun {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.links.command.link.LinkBulkItemTest#items")
        void checksTheRulesAndChangesNothing(Item item) {
            Map<String, String> bindings = new HashMap<>(catalog.bindings);
            Map<String, String> activations = new HashMap<>(catalog.activations);

            fixture.given(item.before())
                    .when(item.command(), AS_DRY_RUN)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(item.answer().apply(item.before().size() - 1));

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).isEqualTo(bindings);
            assertThat(catalog.activations).isEqualTo(activations);
        }

        @Test
        void refusesWhatTheCommandWouldRefuseWithTheSameCode() {
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new SuspendLink(LINK, ORG), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "only an active link");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new ResumeLink(LINK, ORG), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "only a suspended link");
            refusedWith(fixture.given(CREATED, DETACHED).when(new DetachSim(LINK, ORG), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "no SIM bound");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new DeleteLink(LINK, ORG), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "detach the SIM first");
            refusedWith(fixture.given(CREATED).when(new ActivatePlan(LINK, ORG, "act-1", "plan-x"), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "no plan plan-x");
            refusedWith(fixture.given(CREATED, ACTIVATED)
                            .when(new RemovePlanActivations(LINK, ORG, GLOBAL_PLAN.id()), AS_DRY_RUN),
                    ErrorCode.VALIDATION_ERROR, "no active activation");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new SuspendLink(LINK, "org-2"), AS_DRY_RUN),
                    ErrorCode.NOT_FOUND, LINK);
            refusedWith(fixture.given(CREATED, DETACHED, new LinkDeleted(LINK))
                    .when(new DeleteLink(LINK, ORG), AS_DRY_RUN), ErrorCode.GONE, LINK);

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void takesTheTextTrueForADryRunToo() {
            fixture.given(CREATED, ACTIVATED)
                    .when(new SuspendLink(LINK, ORG), Map.of(BulkItem.DRY_RUN, "true"))
                    .expectNoEvents();

            assertThat(upstream.calls()).isEmpty();
        }
    }

    @Nested
    class RemovePlanActivationsCommand {

        @Test
        void removesEveryActiveActivationOfThePlanAndNoOther() {
            catalog.activations.put("act-2", PLAN.id());
            catalog.activations.put("act-3", GLOBAL_PLAN.id());

            fixture.given(CREATED, ACTIVATED, activated("act-2", PLAN), activated("act-3", GLOBAL_PLAN))
                    .when(new RemovePlanActivations(LINK, ORG, PLAN.id()))
                    .expectEvents(new ActivationRemoved(LINK, "act-1"), new ActivationRemoved(LINK, "act-2"))
                    .expectResultMessagePayload(5L)
                    .expectState(link -> assertThat(link.activePlans()).containsOnlyKeys("act-3"));

            assertThat(upstream.calls()).containsExactly("deactivate " + SIM.iccid(), "deactivate " + SIM.iccid());
            assertThat(catalog.activations).containsOnlyKeys("act-3");
        }

        @Test
        void removesTheActivationsOfALinkOnHoldWithoutTellingTheProvider() {
            fixture.given(CREATED, ACTIVATED, DETACHED)
                    .when(new RemovePlanActivations(LINK, ORG, PLAN.id()))
                    .expectEvents(new ActivationRemoved(LINK, "act-1"));

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.activations).isEmpty();
        }

        @Test
        void refusesALinkWithNoActiveActivationOfThePlan() {
            refusedWith(fixture.given(CREATED, activated("act-3", GLOBAL_PLAN))
                    .when(new RemovePlanActivations(LINK, ORG, PLAN.id())), ErrorCode.VALIDATION_ERROR,
                    "no active activation of plan " + PLAN.id());
            refusedWith(fixture.given(CREATED, ACTIVATED, new ActivationRemoved(LINK, "act-1"))
                    .when(new RemovePlanActivations(LINK, ORG, PLAN.id())), ErrorCode.VALIDATION_ERROR,
                    "no active activation of plan " + PLAN.id());

            assertThat(upstream.calls()).isEmpty();
        }
    }
}
