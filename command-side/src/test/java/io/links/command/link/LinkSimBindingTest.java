package io.links.command.link;

import io.links.api.catalog.SimType;
import io.links.api.error.ErrorCode;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationSource;
import io.links.api.link.AttachSim;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.ImeiLocked;
import io.links.api.link.LinkDeleted;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimAttached;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.SuspendLink;
import io.links.api.link.UpdateLink;
import io.links.command.upstream.UpstreamException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static io.links.api.link.NetworkType.G2;
import static io.links.api.link.NetworkType.G3;
import static io.links.api.link.NetworkType.G5;
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
 * A link's SIM binding, given the events so far: detaching its SIM, attaching another to a link on hold, and deleting
 * a link once it holds none.
 */
class LinkSimBindingTest {

    private static final SimSnapshot ASIAN_SIM = new SimSnapshot("sim-3", "8944500000000000022", null, null,
            SimType.ESIM, "simulator", List.of("apac"), List.of("JPN"));
    private static final PlanSnapshot GLOBAL_PLAN = new PlanSnapshot("plan-global", "World 1 GB", 1_000_000_000L, 30,
            "cov-3", List.of("global"), false);

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private RecordingUpstream upstream;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog(ORG).with(SIM).with(OTHER_SIM).with(ASIAN_SIM).with(PLAN);
        catalog.bindings.put(SIM.id(), LINK);
        upstream = new RecordingUpstream();
        fixture = linkFixture(catalog, upstream);
    }

    @Nested
    class DetachAndAttach {

        @Test
        void detachesTheSimFromAPreActiveActiveOrSuspendedLink() {
            fixture.given(CREATED).when(new DetachSim(LINK, ORG)).expectEvents(DETACHED);
            fixture.given(CREATED, ACTIVATED).when(new DetachSim(LINK, ORG)).expectEvents(DETACHED);
            fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new DetachSim(LINK, ORG)).expectEvents(DETACHED)
                    .expectState(link -> assertThat(link.status()).hasToString("HOLD"));

            assertThat(catalog.bindings).doesNotContainKey(SIM.id());
            assertThat(upstream.calls()).containsOnly("release " + SIM.iccid());
        }

        @Test
        void detachingDropsTheImeiLockOfTheOldDevice() {
            fixture.given(CREATED, new ImeiLocked(LINK, SIM.imei()))
                    .when(new DetachSim(LINK, ORG))
                    .expectEvents(DETACHED)
                    .expectState(link -> assertThat(link.imeiLock()).isNull());
        }

        @Test
        void detachingDropsTheImeiLockButKeepsTheBarredTypes() {
            fixture.given(CREATED, new NetworkTypesBarred(LINK, Set.of(G2, G3)), new ImeiLocked(LINK, SIM.imei()))
                    .when(new DetachSim(LINK, ORG))
                    .expectEvents(DETACHED)
                    .expectState(link -> {
                        assertThat(link.imeiLock()).isNull();
                        assertThat(link.barred()).containsExactly(G2, G3);
                    });

            assertThat(upstream.calls()).containsExactly("release " + SIM.iccid());
        }

        @Test
        void refusesToDetachFromALinkOnHold() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new DetachSim(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "no SIM bound");
        }

        @Test
        void attachesAFreeSimWithIntersectingZonesAndTheLinkBecomesActive() {
            fixture.given(CREATED, ACTIVATED, new NetworkTypesBarred(LINK, Set.of(G2)), DETACHED)
                    .when(new AttachSim(LINK, ORG, OTHER_SIM.id()))
                    .expectEvents(new SimAttached(LINK, OTHER_SIM, OTHER_SIM.compatibilityZones()))
                    .expectState(link -> assertThat(link.status()).hasToString("ACTIVE"));

            assertThat(catalog.bindings).containsEntry(OTHER_SIM.id(), LINK);
            assertThat(upstream.calls()).containsExactly("provision " + OTHER_SIM.iccid() + " [plan-1] [2g]");
        }

        @Test
        void attachingProvisionsTheNewSimWithTheActivationsAndBarredTypesTheLinkKeptOnHold() {
            PlanActivated second = new PlanActivated(LINK, "act-2", GLOBAL_PLAN, ActivationSource.MANUAL, NOW,
                    NOW.plus(30, ChronoUnit.DAYS));

            fixture.given(CREATED, ACTIVATED, second, new ActivationRemoved(LINK, "act-1"),
                            new NetworkTypesBarred(LINK, Set.of(G2, G3, G5)),
                            new NetworkTypesUnbarred(LINK, Set.of(G3)), new ImeiLocked(LINK, SIM.imei()), DETACHED)
                    .when(new AttachSim(LINK, ORG, OTHER_SIM.id()))
                    .expectEvents(new SimAttached(LINK, OTHER_SIM, OTHER_SIM.compatibilityZones()))
                    .expectState(link -> {
                        assertThat(link.activePlans()).containsOnlyKeys("act-2");
                        assertThat(link.barred()).containsExactly(G2, G5);
                        assertThat(link.imeiLock()).as("the old device's lock is not carried over").isNull();
                    });

            assertThat(upstream.calls())
                    .containsExactly("provision " + OTHER_SIM.iccid() + " [" + GLOBAL_PLAN.id() + "] [2g, 5g]");
        }

        @Test
        void attachingNeedsAnOverlapWithTheZonesOfTheSimTheLinkHeldLast() {
            catalog.bindings.clear();

            fixture.given(CREATED, DETACHED, new SimAttached(LINK, OTHER_SIM, OTHER_SIM.compatibilityZones()),
                            new SimDetached(LINK, OTHER_SIM.id()))
                    .when(new AttachSim(LINK, ORG, ASIAN_SIM.id()))
                    .expectEvents(new SimAttached(LINK, ASIAN_SIM, ASIAN_SIM.compatibilityZones()));
        }

        @Test
        void refusesASimWhoseZonesMissTheLinks() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new AttachSim(LINK, ORG, ASIAN_SIM.id())),
                    ErrorCode.VALIDATION_ERROR, "do not intersect");
            assertThat(catalog.bindings).doesNotContainKey(ASIAN_SIM.id());
        }

        @Test
        void refusesASimBoundToAnotherLink() {
            catalog.bindings.put(OTHER_SIM.id(), "link-9");

            refusedWith(fixture.given(CREATED, DETACHED).when(new AttachSim(LINK, ORG, OTHER_SIM.id())),
                    ErrorCode.VALIDATION_ERROR, "already bound");
        }

        @Test
        void refusesToAttachToALinkThatHasASim() {
            refusedWith(fixture.given(CREATED).when(new AttachSim(LINK, ORG, OTHER_SIM.id())),
                    ErrorCode.VALIDATION_ERROR, "already has SIM");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new AttachSim(LINK, ORG, OTHER_SIM.id())),
                    ErrorCode.VALIDATION_ERROR, "already has SIM");
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new AttachSim(LINK, ORG, OTHER_SIM.id())),
                    ErrorCode.VALIDATION_ERROR, "already has SIM");

            assertThat(catalog.bindings).doesNotContainKey(OTHER_SIM.id());
        }

        @Test
        void refusesAnUnknownSim() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new AttachSim(LINK, ORG, "sim-x")),
                    ErrorCode.VALIDATION_ERROR, "no SIM sim-x");
        }

        @Test
        void keepsTheLinkOnHoldWhenTheProviderRefusesTheSim() {
            upstream.failOn("provision");

            fixture.given(CREATED, ACTIVATED, new NetworkTypesBarred(LINK, Set.of(G2)), DETACHED)
                    .when(new AttachSim(LINK, ORG, OTHER_SIM.id()))
                    .expectException(UpstreamException.class)
                    .expectNoEvents();

            assertThat(upstream.calls()).isEmpty();
            assertThat(catalog.bindings).as("the SIM is left free").doesNotContainKey(OTHER_SIM.id());
        }
    }

    @Nested
    class DeleteCommand {

        @Test
        void deletesALinkOnHoldAndEndsItsActivations() {
            catalog.activations.put("act-1", PLAN.id());

            fixture.given(CREATED, ACTIVATED, DETACHED)
                    .when(new DeleteLink(LINK, ORG))
                    .expectEvents(new ActivationRemoved(LINK, "act-1"), new LinkDeleted(LINK))
                    .expectState(link -> assertThat(link.status()).hasToString("REMOVED"));

            assertThat(upstream.calls()).containsExactly("delete " + LINK);
            assertThat(catalog.activations).as("the plan is no longer in use by the link").isEmpty();
        }

        @Test
        void refusesToDeleteALinkWithASim() {
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new DeleteLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "detach the SIM first");
            refusedWith(fixture.given(CREATED).when(new DeleteLink(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "detach the SIM first");
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new DeleteLink(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "detach the SIM first");
        }

        @Test
        void aRemovedLinkIsGoneForEveryCommand() {
            refusedWith(fixture.given(CREATED, DETACHED, new LinkDeleted(LINK)).when(new DeleteLink(LINK, ORG)),
                    ErrorCode.GONE, "removed");
            refusedWith(fixture.given(CREATED, DETACHED, new LinkDeleted(LINK))
                    .when(new UpdateLink(LINK, ORG, "x", true, null, false)), ErrorCode.GONE, "removed");
            refusedWith(fixture.given(CREATED, DETACHED, new LinkDeleted(LINK))
                    .when(new AttachSim(LINK, ORG, OTHER_SIM.id())), ErrorCode.GONE, "removed");
        }

        @Test
        void anotherOrganisationsLinkDoesNotExist() {
            refusedWith(fixture.given(CREATED).when(new SuspendLink(LINK, "org-2")), ErrorCode.NOT_FOUND,
                    "not found");
            refusedWith(fixture.given(CREATED).when(new UpdateLink(LINK, "org-2", "x", true, null, false)),
                    ErrorCode.NOT_FOUND, "not found");
        }
    }

    /** A removed link, or one of another organisation, turns every command away before any rule is looked at. */
}
