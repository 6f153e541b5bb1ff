package io.links.command.link;

import io.links.api.error.LinksException;
import io.links.api.link.ActivationSource;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkStatus;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's service endpoint bound to a SIM. Every rule of its lifecycle is checked here before an event records
 * the change.
 */
@Aggregate
public class Link {

    @AggregateIdentifier
    private String linkId;
    private String organisationId;
    private LinkStatus status;
    private String simId;
    private List<String> compatibilityZones;
    private final Map<String, String> activePlans = new LinkedHashMap<>();

    /** Axon rebuilds a link from its events, starting from this empty instance. */
    protected Link() {
    }

    /**
     * A new link holding {@code sim}, with {@code plans} (by activation id) activated at once. The SIM must already
     * be bound to it in the catalog; this checks the rules that need only the SIM and the plans.
     */
    static Link create(String linkId, String organisationId, String name, SimSnapshot sim,
                       Map<String, PlanSnapshot> plans, Instant now) {
        for (PlanSnapshot plan : plans.values()) {
            requireZonesIntersect(sim, plan);
        }
        apply(new LinkCreated(linkId, organisationId, name, sim, sim.compatibilityZones()));
        plans.forEach((activationId, plan) -> activate(linkId, activationId, plan, ActivationSource.MANUAL, now));
        return new Link();
    }

    private static void activate(String linkId, String activationId, PlanSnapshot plan, ActivationSource source,
                                 Instant now) {
        apply(new PlanActivated(linkId, activationId, plan, source, now,
                now.plus(plan.validityDays(), ChronoUnit.DAYS)));
    }

    private static void requireZonesIntersect(SimSnapshot sim, PlanSnapshot plan) {
        if (sim.compatibilityZones().stream().noneMatch(plan.compatibilityZones()::contains)) {
            throw LinksException.validation("plan " + plan.id() + " cannot be activated: its compatibility zones "
                    + plan.compatibilityZones() + " do not intersect the SIM's " + sim.compatibilityZones());
        }
    }

    String organisationId() {
        return organisationId;
    }

    LinkStatus status() {
        return status;
    }

    Map<String, String> activePlans() {
        return Map.copyOf(activePlans);
    }

    @EventSourcingHandler
    void on(LinkCreated event) {
        linkId = event.linkId();
        organisationId = event.organisationId();
        simId = event.sim().id();
        compatibilityZones = List.copyOf(event.compatibilityZones());
        status = LinkStatus.PRE_ACTIVE;
    }

    @EventSourcingHandler
    void on(PlanActivated event) {
        activePlans.put(event.activationId(), event.plan().id());
        status = LinkStatus.ACTIVE;
    }
}
