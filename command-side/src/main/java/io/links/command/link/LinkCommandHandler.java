package io.links.command.link;

import io.links.api.error.LinksException;
import io.links.api.link.CreateLink;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.command.upstream.Upstream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The link commands that reach beyond one link: they read the catalog and claim a SIM for a link. Claim and events
 * commit in one transaction, so a SIM is never bound to two links and a refused command leaves no claim behind.
 */
@Component
public class LinkCommandHandler {

    private final Repository<Link> links;
    private final LinkCatalog catalog;
    private final Clock clock;
    private final Upstream upstream;

    public LinkCommandHandler(Repository<Link> links, LinkCatalog catalog, Clock clock, Upstream upstream) {
        this.links = links;
        this.catalog = catalog;
        this.clock = clock;
        this.upstream = upstream;
    }

    /** Creates the link and answers its version. */
    @CommandHandler
    public long handle(CreateLink command) throws Exception {
        SimSnapshot sim = catalog.sim(command.organisationId(), command.simId())
                .orElseThrow(() -> LinksException.invalidField("sim_id",
                        "no SIM " + command.simId() + " exists in this organisation"));
        Map<String, PlanSnapshot> plans = plans(command.organisationId(), command.planIds());
        if (!catalog.bindSim(sim.id(), command.linkId())) {
            throw LinksException.invalidField("sim_id", "SIM " + sim.id() + " is already bound to another link");
        }

        Aggregate<Link> link = links.newInstance(() -> Link.create(command.linkId(), command.organisationId(),
                command.name(), sim, plans, clock.instant(), upstream));

        plans.forEach((activationId, plan) -> catalog.activationStarted(activationId, command.linkId(), plan.id()));
        return link.version();
    }

    /** The plans to activate, keyed by the id each new activation gets. */
    private Map<String, PlanSnapshot> plans(String organisationId, List<String> planIds) {
        if (planIds == null) {
            return Map.of();
        }
        if (new HashSet<>(planIds).size() != planIds.size()) {
            throw LinksException.invalidField("plan_ids", "must not name a plan twice");
        }
        Map<String, PlanSnapshot> plans = new LinkedHashMap<>();
        for (String planId : planIds) {
            plans.put(UUID.randomUUID().toString(), catalog.plan(organisationId, planId).orElseThrow(() ->
                    LinksException.invalidField("plan_ids", "no plan " + planId + " exists in this organisation")));
        }
        return plans;
    }
}
