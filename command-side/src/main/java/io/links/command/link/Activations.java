package io.links.command.link;

import io.links.api.link.ActivationDepleted;
import io.links.api.link.ActivationExpired;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationSource;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.api.link.UsageRecorded;
import io.links.command.store.StoredByFields;
import io.links.command.upstream.Upstream;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The plan activations running on a {@link Link}, with each one's end and its last recorded usage. A member of the
 * link's aggregate: its event-sourcing handlers see every event of the link, and it is part of the link's snapshot.
 */
@StoredByFields
class Activations {

    private final Map<String, PlanSnapshot> plans = new LinkedHashMap<>();
    private final Map<String, Instant> expiries = new LinkedHashMap<>();
    private final Map<String, Usage> usage = new LinkedHashMap<>();

    /** The plans of the running activations, by activation id. */
    Map<String, PlanSnapshot> plans() {
        return Map.copyOf(plans);
    }

    /** The ids of the running activations, in the order they started. */
    List<String> ids() {
        return List.copyOf(plans.keySet());
    }

    boolean running(String activationId) {
        return plans.containsKey(activationId);
    }

    /** The ids of the running activations of {@code planId}. */
    List<String> ofPlan(String planId) {
        return plans.entrySet().stream().filter(activation -> activation.getValue().id().equals(planId))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * A usage snapshot of every running activation: traffic that grew is recorded; an activation whose plan's data is
     * used up ends depleted, one past its end ends expired. While {@code renewing} (the link is active), an
     * activation of a plan that renews itself is followed by a new one of the same plan.
     */
    void collect(String linkId, SimSnapshot sim, boolean renewing, Instant now, LinkCatalog catalog,
                 Upstream upstream) {
        for (Map.Entry<String, PlanSnapshot> activation : List.copyOf(plans.entrySet())) {
            String activationId = activation.getKey();
            PlanSnapshot plan = activation.getValue();
            Usage counted = upstream.usage(sim, activationId);
            if (!counted.equals(usage.getOrDefault(activationId, Usage.ZERO))) {
                apply(new UsageRecorded(linkId, activationId, counted, now));
            }
            boolean depleted = counted.bytesTotal() >= plan.dataBytes();
            Instant expiresAt = expiries.get(activationId);
            if (depleted || (expiresAt != null && !now.isBefore(expiresAt))) {
                upstream.deactivate(sim, activationId);
                apply(depleted ? new ActivationDepleted(linkId, activationId)
                        : new ActivationExpired(linkId, activationId));
                catalog.activationRemoved(activationId);
                if (plan.autoRenew() && renewing) {
                    renew(linkId, sim, activationId, plan, now, catalog, upstream);
                }
            }
        }
    }

    /**
     * The renewal's id follows from the ended activation's, so that a collection retried after a failure asks the
     * provider for the same activation again instead of a second one.
     */
    private static void renew(String linkId, SimSnapshot sim, String endedId, PlanSnapshot plan, Instant now,
                              LinkCatalog catalog, Upstream upstream) {
        String renewalId = UUID.nameUUIDFromBytes(("renewal of " + endedId).getBytes(StandardCharsets.UTF_8))
                .toString();
        upstream.activate(sim, renewalId, plan);
        apply(new PlanActivated(linkId, renewalId, plan, ActivationSource.RESUBSCRIPTION, now,
                now.plus(plan.validityDays(), ChronoUnit.DAYS)));
        catalog.activationStarted(renewalId, linkId, plan.id());
    }

    @EventSourcingHandler
    void on(PlanActivated event) {
        plans.put(event.activationId(), event.plan());
        if (event.expiresAt() != null) {
            expiries.put(event.activationId(), event.expiresAt());
        }
    }

    @EventSourcingHandler
    void on(UsageRecorded event) {
        usage.put(event.activationId(), event.usage());
    }

    @EventSourcingHandler
    void on(ActivationRemoved event) {
        ended(event.activationId());
    }

    @EventSourcingHandler
    void on(ActivationDepleted event) {
        ended(event.activationId());
    }

    @EventSourcingHandler
    void on(ActivationExpired event) {
        ended(event.activationId());
    }

    private void ended(String activationId) {
        plans.remove(activationId);
        expiries.remove(activationId);
        usage.remove(activationId);
    }
}
