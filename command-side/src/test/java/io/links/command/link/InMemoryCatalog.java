package io.links.command.link;

import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as the link commands see it, in memory. Only SIMs and plans of one organisation exist. Like the real
 * store, whose writes share the command's database transaction, it forgets the bindings and activations a command
 * wrote when that command's unit of work rolls back.
 */
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
        undoOnRollback();
        return bindings.putIfAbsent(simId, linkId) == null || bindings.get(simId).equals(linkId);
    }

    @Override
    public void releaseSim(String simId, String linkId) {
        undoOnRollback();
        bindings.remove(simId, linkId);
    }

    @Override
    public void activationStarted(String activationId, String linkId, String planId) {
        undoOnRollback();
        activations.put(activationId, planId);
    }

    @Override
    public void activationRemoved(String activationId) {
        undoOnRollback();
        activations.remove(activationId);
    }

    /** Before a command's first write, remembers what to go back to should the command fail. */
    private void undoOnRollback() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> command = CurrentUnitOfWork.get();
        command.getOrComputeResource(InMemoryCatalog.class.getName(), key -> {
            Map<String, String> bindingsBefore = new HashMap<>(bindings);
            Map<String, String> activationsBefore = new HashMap<>(activations);
            command.onRollback(failed -> {
                restore(bindings, bindingsBefore);
                restore(activations, activationsBefore);
            });
            return Boolean.TRUE;
        });
    }

    private static void restore(Map<String, String> records, Map<String, String> before) {
        records.clear();
        records.putAll(before);
    }
}
