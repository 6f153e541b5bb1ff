package io.links.command.link;

import io.links.api.catalog.SimType;
import io.links.api.link.ActivationDepleted;
import io.links.api.link.ActivationExpired;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationSource;
import io.links.api.link.CollectUsage;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkSuspended;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.api.link.UsageRecorded;
import io.links.command.upstream.UpstreamException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.links.command.link.LinkFixtures.LINK;
import static io.links.command.link.LinkFixtures.NOW;
import static io.links.command.link.LinkFixtures.ORG;
import static io.links.command.link.LinkFixtures.linkFixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage snapshots taken by the usage worker, and the ends of activations they lead to: used up, past their end,
 * and renewed when their plan renews itself.
 */
class LinkUsageTest {

    private static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123", null,
            SimType.PHYSICAL, "simulator", List.of("eu"), List.of("DEU"));
    private static final PlanSnapshot SMALL = new PlanSnapshot("plan-s", "EU 10 kB", 10_000, 30, "cov-1",
            List.of("eu"), false);
    private static final PlanSnapshot RENEWING = new PlanSnapshot("plan-r", "EU 10 kB monthly", 10_000, 30, "cov-1",
            List.of("eu"), true);

    private static final LinkCreated CREATED = new LinkCreated(LINK, ORG, "Pump", SIM, SIM.compatibilityZones());
    private static final Usage SOME = new Usage(1_000, 3_000, 4_000, 1);
    private static final Usage ALL = new Usage(4_000, 6_000, 10_000, 0);

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private RecordingUpstream upstream;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog(ORG).with(SIM).with(SMALL).with(RENEWING);
        catalog.bindings.put(SIM.id(), LINK);
        upstream = new RecordingUpstream();
        fixture = linkFixture(catalog, upstream);
    }

    private static PlanActivated activated(String activationId, PlanSnapshot plan, Instant expiresAt) {
        return new PlanActivated(LINK, activationId, plan, ActivationSource.MANUAL, NOW.minus(1, ChronoUnit.DAYS),
                expiresAt);
    }

    private static PlanActivated activated(String activationId, PlanSnapshot plan) {
        return activated(activationId, plan, NOW.plus(29, ChronoUnit.DAYS));
    }

    @Test
    void recordsTheTrafficOfEachActivationThatGrew() {
        upstream.counts("act-1", SOME);

        fixture.given(CREATED, activated("act-1", SMALL), activated("act-2", SMALL))
                .when(new CollectUsage(LINK))
                .expectEvents(new UsageRecorded(LINK, "act-1", SOME, NOW));

        assertThat(upstream.calls()).containsExactly("usage " + SIM.iccid() + " act-1",
                "usage " + SIM.iccid() + " act-2");
    }

    @Test
    void recordsNothingWhenTheTrafficDidNotChange() {
        upstream.counts("act-1", SOME);

        fixture.given(CREATED, activated("act-1", SMALL), new UsageRecorded(LINK, "act-1", SOME, NOW))
                .when(new CollectUsage(LINK))
                .expectNoEvents();
    }

    @Test
    void anActivationThatUsedAllItsDataIsDepleted() {
        upstream.counts("act-1", ALL);

        fixture.given(CREATED, activated("act-1", SMALL))
                .when(new CollectUsage(LINK))
                .expectEvents(new UsageRecorded(LINK, "act-1", ALL, NOW), new ActivationDepleted(LINK, "act-1"))
                .expectState(link -> assertThat(link.activePlans()).isEmpty());

        assertThat(upstream.calls()).contains("deactivate " + SIM.iccid());
        assertThat(catalog.activations).doesNotContainKey("act-1");
    }

    @Test
    void anActivationPastItsEndExpires() {
        fixture.given(CREATED, activated("act-1", SMALL, NOW.minusSeconds(1)))
                .when(new CollectUsage(LINK))
                .expectEvents(new ActivationExpired(LINK, "act-1"));

        assertThat(upstream.calls()).contains("deactivate " + SIM.iccid());
    }

    @Test
    void aPlanThatRenewsItselfIsActivatedAgainAsAResubscription() {
        upstream.counts("act-1", ALL);
        String renewal = UUID.nameUUIDFromBytes("renewal of act-1".getBytes(StandardCharsets.UTF_8)).toString();

        fixture.given(CREATED, activated("act-1", RENEWING))
                .when(new CollectUsage(LINK))
                .expectEvents(new UsageRecorded(LINK, "act-1", ALL, NOW), new ActivationDepleted(LINK, "act-1"),
                        new PlanActivated(LINK, renewal, RENEWING, ActivationSource.RESUBSCRIPTION, NOW,
                                NOW.plus(30, ChronoUnit.DAYS)))
                .expectState(link -> assertThat(link.activePlans()).containsOnlyKeys(renewal));

        assertThat(upstream.calls()).endsWith("activate " + SIM.iccid() + " plan-r");
        assertThat(catalog.activations).containsEntry(renewal, RENEWING.id()).doesNotContainKey("act-1");
    }

    @Test
    void aSuspendedLinksActivationEndsWithoutRenewal() {
        fixture.given(CREATED, activated("act-1", RENEWING, NOW.minusSeconds(1)), new LinkSuspended(LINK))
                .when(new CollectUsage(LINK))
                .expectEvents(new ActivationExpired(LINK, "act-1"));
    }

    @Test
    void anEndedActivationIsNotAskedAboutAgain() {
        fixture.given(CREATED, activated("act-1", SMALL), new ActivationRemoved(LINK, "act-1"))
                .when(new CollectUsage(LINK))
                .expectNoEvents();

        assertThat(upstream.calls()).isEmpty();
    }

    @Test
    void aLinkWithoutSimOrRemovedIsLeftAlone() {
        fixture.given(CREATED, activated("act-1", SMALL), new SimDetached(LINK, SIM.id()))
                .when(new CollectUsage(LINK))
                .expectNoEvents();
        fixture.given(CREATED, new SimDetached(LINK, SIM.id()), new LinkDeleted(LINK))
                .when(new CollectUsage(LINK))
                .expectNoEvents();

        assertThat(upstream.calls()).isEmpty();
    }

    @Test
    void aProviderThatDoesNotAnswerRecordsNothing() {
        upstream.counts("act-1", ALL).failOn("deactivate");

        fixture.given(CREATED, activated("act-1", SMALL))
                .when(new CollectUsage(LINK))
                .expectException(UpstreamException.class)
                .expectNoEvents();
    }
}
