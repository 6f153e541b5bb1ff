package io.links.command.link;

import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;

import java.util.Optional;

/**
 * What the link commands need of the catalog: SIMs and plans as they are now, and the set-wide records (which
 * link holds a SIM, which activations use a plan) that must change in the same transaction as the link's events.
 */
public interface LinkCatalog {

    Optional<SimSnapshot> sim(String organisationId, String simId);

    Optional<PlanSnapshot> plan(String organisationId, String planId);

    /** Binds the SIM to the link; false when another link holds it. */
    boolean bindSim(String simId, String linkId);

    void releaseSim(String simId, String linkId);

    void activationStarted(String activationId, String linkId, String planId);

    void activationRemoved(String activationId);
}
