package io.links.command.link;

import io.links.api.catalog.SimType;
import io.links.api.link.ActivationSource;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkSuspended;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the {@link Link} fixture tests share: the time, the organisation, one link's SIM and plan and events. */
final class LinkFixtures {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String ORG = "org-1";
    static final String LINK = "link-1";
    static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123",
            "490154203237518", SimType.PHYSICAL, "simulator", List.of("eu", "global"), List.of("DEU"));
    static final SimSnapshot OTHER_SIM = new SimSnapshot("sim-2", "8944500000000000014", null, null,
            SimType.ESIM, "simulator", List.of("global", "apac"), List.of("JPN"));
    static final PlanSnapshot PLAN = new PlanSnapshot("plan-1", "EU 1 GB", 1_000_000_000L, 30, "cov-1",
            List.of("eu"), false);

    static final LinkCreated CREATED = new LinkCreated(LINK, ORG, "Pump", SIM, SIM.compatibilityZones());
    static final PlanActivated ACTIVATED = activated("act-1", PLAN);
    static final LinkSuspended SUSPENDED = new LinkSuspended(LINK);
    static final SimDetached DETACHED = new SimDetached(LINK, SIM.id());

    private LinkFixtures() {
    }

    /** A manual activation of {@code plan} on the link, now, for the plan's 30 days. */
    static PlanActivated activated(String activationId, PlanSnapshot plan) {
        return new PlanActivated(LINK, activationId, plan, ActivationSource.MANUAL, NOW, NOW.plus(30, ChronoUnit.DAYS));
    }

    /** A fixture of links whose handlers get {@code catalog}, {@code upstream} and a clock stopped at {@link #NOW}. */
    static AggregateTestFixture<Link> linkFixture(InMemoryCatalog catalog, RecordingUpstream upstream) {
        AggregateTestFixture<Link> fixture = new AggregateTestFixture<>(Link.class);
        fixture.registerInjectableResource(catalog);
        fixture.registerInjectableResource(upstream);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }
}
