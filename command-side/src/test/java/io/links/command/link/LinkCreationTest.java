package io.links.command.link;

import io.links.api.catalog.SimType;
import io.links.api.error.ErrorCode;
import io.links.api.link.ActivationSource;
import io.links.api.link.CreateLink;
import io.links.api.link.LinkCreated;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.command.upstream.UpstreamException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.links.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;

class LinkCreationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ORG = "org-1";
    private static final SimSnapshot EU_SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123", null,
            SimType.PHYSICAL, "simulator", List.of("eu", "global"), List.of("DEU"));
    private static final PlanSnapshot EU_PLAN = new PlanSnapshot("plan-eu", "EU 1 GB", 1_000_000_000L, 30, "cov-1",
            List.of("eu"), false);
    private static final PlanSnapshot PLAN_2 = new PlanSnapshot("plan-2", "EU 5 GB", 5_000_000_000L, 30, "cov-1",
            List.of("global"), false);
    private static final PlanSnapshot US_PLAN = new PlanSnapshot("plan-us", "US 1 GB", 1_000_000_000L, 30, "cov-2",
            List.of("na"), false);

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private final RecordingUpstream upstream = new RecordingUpstream();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Link.class);
        catalog = new InMemoryCatalog(ORG);
        catalog.sims.put(EU_SIM.id(), EU_SIM);
        catalog.plans.put(EU_PLAN.id(), EU_PLAN);
        catalog.plans.put(US_PLAN.id(), US_PLAN);
        fixture.registerAnnotatedCommandHandler(new LinkCommandHandler(fixture.getRepository(), catalog,
                Clock.fixed(NOW, ZoneOffset.UTC), upstream));
    }

    @Test
    void createsAPreActiveLinkWithTheSimsZonesAndBindsTheSim() {
        fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LinkCreated("link-1", ORG, "Pump", EU_SIM, List.of("eu", "global")))
                .expectResultMessagePayload(0L)
                .expectState(link -> assertThat(link.status()).hasToString("PRE_ACTIVE"));

        assertThat(catalog.bindings).containsEntry(EU_SIM.id(), "link-1");
    }

    @Test
    void createsAnActiveLinkWhenPlansAreGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of(EU_PLAN.id())))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(
                        matches(event -> event.getPayload() instanceof LinkCreated),
                        matches(event -> event.getPayload() instanceof PlanActivated activated
                                && activated.plan().equals(EU_PLAN)
                                && activated.source() == ActivationSource.MANUAL
                                && activated.activatedAt().equals(NOW)
                                && activated.expiresAt().equals(NOW.plus(30, ChronoUnit.DAYS))),
                        andNoMore()))
                .expectResultMessagePayload(1L)
                .expectState(link -> assertThat(link.status()).hasToString("ACTIVE"));

        assertThat(catalog.activations).hasSize(1).containsValue(EU_PLAN.id());
        assertThat(upstream.calls()).containsExactly("provision " + EU_SIM.iccid() + " [" + EU_PLAN.id() + "] []");
    }

    @Test
    void refusesTheLinkWhenTheProviderRefusesTheSim() {
        upstream.failOn("provision", PLAN_2.id());
        catalog.plans.put(PLAN_2.id(), PLAN_2);

        fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of(EU_PLAN.id(), PLAN_2.id())))
                .expectException(UpstreamException.class)
                .expectNoEvents();

        assertThat(upstream.calls()).isEmpty();
        assertThat(catalog.bindings).as("the SIM is left free").isEmpty();
        assertThat(catalog.activations).isEmpty();
    }

    @Test
    void refusesAPlanWhoseZonesDoNotIntersectTheSims() {
        refusedWith(fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of(EU_PLAN.id(), US_PLAN.id()))),
                ErrorCode.VALIDATION_ERROR, "do not intersect");

        assertThat(catalog.bindings).as("the SIM is left free").isEmpty();
    }

    @Test
    void refusesASimOfAnotherOrganisationOrNone() {
        refusedWith(fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", "org-2", "Pump", EU_SIM.id(), List.of())),
                ErrorCode.VALIDATION_ERROR, "no SIM");

        assertThat(catalog.bindings).isEmpty();
    }

    @Test
    void refusesASimAlreadyBoundToAnotherLink() {
        catalog.bindings.put(EU_SIM.id(), "link-0");

        refusedWith(fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of())),
                ErrorCode.VALIDATION_ERROR, "already bound");
    }

    @Test
    void refusesUnknownAndRepeatedPlans() {
        refusedWith(fixture.givenNoPriorActivity()
                .when(new CreateLink("link-1", ORG, "Pump", EU_SIM.id(), List.of("plan-x"))),
                ErrorCode.VALIDATION_ERROR, "no plan plan-x");
        refusedWith(fixture.givenNoPriorActivity()
                .when(new CreateLink("link-2", ORG, "Pump", EU_SIM.id(), List.of(EU_PLAN.id(), EU_PLAN.id()))),
                ErrorCode.VALIDATION_ERROR, "twice");
    }
}
