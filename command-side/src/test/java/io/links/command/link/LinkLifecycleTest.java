package io.links.command.link;

import io.links.api.error.ErrorCode;
import io.links.api.link.ActivatePlan;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationResult;
import io.links.api.link.ActivationSource;
import io.links.api.link.AttachSim;
import io.links.api.link.BarNetworkTypes;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.ImeiLocked;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkMetaReplaced;
import io.links.api.link.LinkRenamed;
import io.links.api.link.LinkResumed;
import io.links.api.link.LockImei;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.RecordNetworkStatus;
import io.links.api.link.RemoveActivation;
import io.links.api.link.ResumeLink;
import io.links.api.link.SendSms;
import io.links.api.link.SuspendLink;
import io.links.api.link.UnbarNetworkTypes;
import io.links.api.link.UnlockImei;
import io.links.api.link.UpdateLink;
import io.links.command.upstream.UpstreamException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.links.api.link.NetworkType.G2;
import static io.links.command.link.LinkFixtures.ACTIVATED;
import static io.links.command.link.LinkFixtures.CREATED;
import static io.links.command.link.LinkFixtures.DETACHED;
import static io.links.command.link.LinkFixtures.LINK;
import static io.links.command.link.LinkFixtures.NOW;
import static io.links.command.link.LinkFixtures.ORG;
import static io.links.command.link.LinkFixtures.OTHER_SIM;
import static io.links.command.link.LinkFixtures.PLAN;
import static io.links.command.link.LinkFixtures.SIM;
import static io.links.command.link.LinkFixtures.SUSPENDED;
import static io.links.command.link.LinkFixtures.linkFixture;
import static io.links.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of a link's lifecycle, and every refusal, given the events so far. Detaching, attaching and
 * deleting are in {@link LinkSimBindingTest}, the operations on the device's connection (bars, IMEI lock, SMS,
 * network status) in {@link LinkDeviceTest}.
 */
class LinkLifecycleTest {

    private static final PlanSnapshot US_PLAN = new PlanSnapshot("plan-us", "US 1 GB", 1_000_000_000L, 30, "cov-2",
            List.of("na"), false);

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private RecordingUpstream upstream;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog(ORG).with(SIM).with(OTHER_SIM).with(PLAN).with(US_PLAN);
        catalog.bindings.put(SIM.id(), LINK);
        upstream = new RecordingUpstream();
        fixture = linkFixture(catalog, upstream);
    }

    @Nested
    class ActivatePlanCommand {

        @Test
        void activatesAPlanOnAPreActiveLinkWhichBecomesActive() {
            fixture.given(CREATED)
                    .when(new ActivatePlan(LINK, ORG, "act-1", PLAN.id()))
                    .expectEvents(ACTIVATED)
                    .expectResultMessagePayload(new ActivationResult(1, "act-1"))
                    .expectState(link -> assertThat(link.status()).hasToString("ACTIVE"));

            assertThat(upstream.calls()).containsExactly("activate " + SIM.iccid() + " plan-1");
            assertThat(catalog.activations).containsEntry("act-1", PLAN.id());
        }

        @Test
        void activatesAnotherPlanOnAnActiveLink() {
            fixture.given(CREATED, ACTIVATED)
                    .when(new ActivatePlan(LINK, ORG, "act-2", PLAN.id()))
                    .expectEvents(new PlanActivated(LINK, "act-2", PLAN, ActivationSource.MANUAL, NOW,
                            NOW.plus(30, ChronoUnit.DAYS)))
                    .expectResultMessagePayload(new ActivationResult(2, "act-2"));
        }

        @Test
        void refusesAPlanWhoseZonesMissTheSims() {
            refusedWith(fixture.given(CREATED).when(new ActivatePlan(LINK, ORG, "act-1", US_PLAN.id())),
                    ErrorCode.VALIDATION_ERROR, "do not intersect");
        }

        @Test
        void refusesAnUnknownPlan() {
            refusedWith(fixture.given(CREATED).when(new ActivatePlan(LINK, ORG, "act-1", "plan-x")),
                    ErrorCode.VALIDATION_ERROR, "no plan plan-x");
        }

        @Test
        void refusesASuspendedLink() {
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED)
                    .when(new ActivatePlan(LINK, ORG, "act-2", PLAN.id())), ErrorCode.VALIDATION_ERROR, "suspended");
        }

        @Test
        void refusesALinkOnHold() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new ActivatePlan(LINK, ORG, "act-1", PLAN.id())),
                    ErrorCode.VALIDATION_ERROR, "hold");
        }

        @Test
        void recordsNothingWhenTheProviderRefuses() {
            upstream.failOn("activate");

            fixture.given(CREATED)
                    .when(new ActivatePlan(LINK, ORG, "act-1", PLAN.id()))
                    .expectException(UpstreamException.class)
                    .expectNoEvents();

            assertThat(catalog.activations).isEmpty();
        }
    }

    @Nested
    class SuspendAndResume {

        @Test
        void suspendsAnActiveLink() {
            fixture.given(CREATED, ACTIVATED)
                    .when(new SuspendLink(LINK, ORG))
                    .expectEvents(SUSPENDED)
                    .expectResultMessagePayload(2L);

            assertThat(upstream.calls()).containsExactly("suspend " + SIM.iccid());
        }

        @Test
        void refusesToSuspendALinkThatIsNotActive() {
            refusedWith(fixture.given(CREATED).when(new SuspendLink(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "pre_active");
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new SuspendLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "only an active link");
            refusedWith(fixture.given(CREATED, DETACHED).when(new SuspendLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "hold");
        }

        @Test
        void resumesASuspendedLink() {
            fixture.given(CREATED, ACTIVATED, SUSPENDED)
                    .when(new ResumeLink(LINK, ORG))
                    .expectEvents(new LinkResumed(LINK))
                    .expectState(link -> assertThat(link.status()).hasToString("ACTIVE"));

            assertThat(upstream.calls()).containsExactly("resume " + SIM.iccid());
        }

        @Test
        void refusesToResumeALinkThatIsNotSuspended() {
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new ResumeLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "only a suspended link");
            refusedWith(fixture.given(CREATED).when(new ResumeLink(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "pre_active");
            refusedWith(fixture.given(CREATED, ACTIVATED, DETACHED).when(new ResumeLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "hold");

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void keepsTheLinkActiveWhenTheProviderRefusesToSuspend() {
            upstream.failOn("suspend");

            fixture.given(CREATED, ACTIVATED)
                    .when(new SuspendLink(LINK, ORG))
                    .expectException(UpstreamException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class UnreachableLink {

        static Stream<Object> everyCommandOfTheOwner() {
            return everyCommand(ORG);
        }

        static Stream<Object> everyCommandOfAnotherOrganisation() {
            return everyCommand("org-2");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommandOfTheOwner")
        void aRemovedLinkIsGoneFor(Object command) {
            catalog.bindings.clear();

            refusedWith(fixture.given(CREATED, ACTIVATED, DETACHED, new ActivationRemoved(LINK, "act-1"),
                    new LinkDeleted(LINK)).when(command), ErrorCode.GONE, "has been removed");

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).isEmpty();
            assertThat(catalog.activations).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommandOfAnotherOrganisation")
        void anotherOrganisationsLinkIsNotFoundFor(Object command) {
            refusedWith(fixture.given(CREATED, ACTIVATED).when(command), ErrorCode.NOT_FOUND, "was not found");

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).containsExactly(Map.entry(SIM.id(), LINK));
            assertThat(catalog.activations).isEmpty();
        }

        /** Each command a link handles, as {@code organisationId} would send it to link-1. */
        private static Stream<Object> everyCommand(String organisationId) {
            return Stream.of(
                    new BarNetworkTypes(LINK, organisationId, Set.of(G2)),
                    new UnbarNetworkTypes(LINK, organisationId, Set.of(G2)),
                    new LockImei(LINK, organisationId),
                    new UnlockImei(LINK, organisationId),
                    new SuspendLink(LINK, organisationId),
                    new ResumeLink(LINK, organisationId),
                    new DetachSim(LINK, organisationId),
                    new SendSms(LINK, organisationId, "sms-1", "hello"),
                    new ActivatePlan(LINK, organisationId, "act-2", PLAN.id()),
                    new RemoveActivation(LINK, organisationId, "act-1"),
                    new UpdateLink(LINK, organisationId, "x", true, null, false),
                    new DeleteLink(LINK, organisationId),
                    new AttachSim(LINK, organisationId, OTHER_SIM.id()),
                    new RecordNetworkStatus(LINK, organisationId, NetworkStatus.UNKNOWN));
        }
    }

    /**
     * A change the provider refuses is not recorded, and the catalog keeps no claim of it. An SMS is the exception:
     * its failed attempt is recorded, see {@link Sms}.
     */
    @Nested
    class ProviderRefusal {

        static Stream<Arguments> everyCallThatChangesTheProvider() {
            NetworkTypesBarred barred = new NetworkTypesBarred(LINK, Set.of(G2));
            return Stream.of(
                    Arguments.of("activate", List.of(CREATED), new ActivatePlan(LINK, ORG, "act-2", PLAN.id())),
                    Arguments.of("deactivate", List.of(CREATED, ACTIVATED), new RemoveActivation(LINK, ORG, "act-1")),
                    Arguments.of("suspend", List.of(CREATED, ACTIVATED), new SuspendLink(LINK, ORG)),
                    Arguments.of("resume", List.of(CREATED, ACTIVATED, SUSPENDED), new ResumeLink(LINK, ORG)),
                    Arguments.of("bar", List.of(CREATED), new BarNetworkTypes(LINK, ORG, Set.of(G2))),
                    Arguments.of("unbar", List.of(CREATED, barred), new UnbarNetworkTypes(LINK, ORG, Set.of(G2))),
                    Arguments.of("lock", List.of(CREATED), new LockImei(LINK, ORG)),
                    Arguments.of("unlock", List.of(CREATED, new ImeiLocked(LINK, SIM.imei())),
                            new UnlockImei(LINK, ORG)),
                    Arguments.of("release", List.of(CREATED, ACTIVATED), new DetachSim(LINK, ORG)),
                    Arguments.of("delete", List.of(CREATED, ACTIVATED, DETACHED), new DeleteLink(LINK, ORG)),
                    Arguments.of("provision", List.of(CREATED, ACTIVATED, barred, DETACHED),
                            new AttachSim(LINK, ORG, OTHER_SIM.id())));
        }

        @ParameterizedTest(name = "{0}: {2}")
        @MethodSource("everyCallThatChangesTheProvider")
        void leavesTheLinkAndTheCatalogAsTheyWere(String refusedCall, List<Object> given, Object command) {
            upstream.failOn(refusedCall);
            // The catalog's record of ACTIVATED, so that removing it despite the refusal would show.
            catalog.activations.put("act-1", PLAN.id());
            Map<String, String> bindings = Map.copyOf(catalog.bindings);
            Map<String, String> activations = Map.copyOf(catalog.activations);

            fixture.given(given)
                    .when(command)
                    .expectException(UpstreamException.class)
                    .expectExceptionMessage("provider refused " + refusedCall)
                    .expectNoEvents();

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).isEqualTo(bindings);
            assertThat(catalog.activations).isEqualTo(activations);
        }
    }

    @Nested
    class Update {

        @Test
        void renamesAndReplacesMetaOnlyWhenAsked() {
            fixture.given(CREATED)
                    .when(new UpdateLink(LINK, ORG, "Pump 2", true, null, false))
                    .expectEvents(new LinkRenamed(LINK, "Pump 2"));
            fixture.given(CREATED)
                    .when(new UpdateLink(LINK, ORG, null, false, Map.of("site", "north"), true))
                    .expectEvents(new LinkMetaReplaced(LINK, Map.of("site", "north")));
            fixture.given(CREATED)
                    .when(new UpdateLink(LINK, ORG, null, false, null, false))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void anEmptyMetaClearsIt() {
            fixture.given(CREATED, new LinkMetaReplaced(LINK, Map.of("a", 1)))
                    .when(new UpdateLink(LINK, ORG, null, false, Map.of(), true))
                    .expectEvents(new LinkMetaReplaced(LINK, Map.of()));
        }

        @Test
        void refusesMoreThanTenRootKeys() {
            Map<String, Object> meta = new java.util.HashMap<>();
            for (int i = 0; i < 11; i++) {
                meta.put("k" + i, i);
            }

            refusedWith(fixture.given(CREATED).when(new UpdateLink(LINK, ORG, null, false, meta, true)),
                    ErrorCode.VALIDATION_ERROR, "at most 10 root keys");
        }

        @Test
        void refusesNestingDeeperThanThreeCountingArrays() {
            fixture.given(CREATED)
                    .when(new UpdateLink(LINK, ORG, null, false, Map.of("a", Map.of("b", List.of(1))), true))
                    .expectSuccessfulHandlerExecution();
            refusedWith(fixture.given(CREATED).when(new UpdateLink(LINK, ORG, null, false,
                    Map.of("a", Map.of("b", Map.of("c", Map.of()))), true)), ErrorCode.VALIDATION_ERROR, "not 4");
            refusedWith(fixture.given(CREATED).when(new UpdateLink(LINK, ORG, null, false,
                    Map.of("a", List.of(List.of(List.of()))), true)), ErrorCode.VALIDATION_ERROR, "not 4");
        }
    }
}
