package io.links.command.link;

import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The catalog as the link commands see it, in memory. Only SIMs and plans of one organisation exist. */
final class InMemoryCatalog implements LinkCatalog {

    final Map<String, SimSnapshot> sims = new HashMap<>();
    final Map<String, PlanSnapshot> plans = new HashMap<>();
    final Map<String, String> bindings = new HashMap<>();
    final Map<String, String> activations = new HashMap<>();

    private final String organisationId;

    InMemoryCatalog(String organisationId) {
        this.organisationId = organisationId;
    }

    InMemoryCatalog with(SimSnapshot sim) {
        sims.put(sim.id(), sim);
        return this;
    }

    InMemoryCatalog with(PlanSnapshot plan) {
        plans.put(plan.id(), plan);
        return this;
    }

    @Override
    public Optional<SimSnapshot> sim(String organisationId, String simId) {
        return this.organisationId.equals(organisationId) ? Optional.ofNullable(sims.get(simId)) : Optional.empty();
    }

    @Override
    public Optional<PlanSnapshot> plan(String organisationId, String planId) {
        return this.organisationId.equals(organisationId) ? Optional.ofNullable(plans.get(planId))
                : Optional.empty();
    }

    @Override
    public boolean bindSim(String simId, String linkId) {
        return bindings.putIfAbsent(simId, linkId) == null || bindings.get(simId).equals(linkId);
    }

    @Override
    public void releaseSim(String simId, String linkId) {
        bindings.remove(simId, linkId);
    }

    @Override
    public void activationStarted(String activationId, String linkId, String planId) {
        activations.put(activationId, planId);
    }

    @Override
    public void activationRemoved(String activationId) {
        activations.remove(activationId);
    }
}
