package io.links.query.link;

import io.links.api.link.ActivationStatus;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkStatus;
import io.links.api.link.NetworkStatus;
import io.links.api.link.PlanActivated;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.query.config.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Builds the link and activation read models. Every document remembers the sequence number of the last event
 * applied to it and ignores events at or below it, so replays and redeliveries leave it unchanged.
 */
@Component
@ProcessingGroup(ProcessingGroups.LINKS)
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class LinkProjection {

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;

    public LinkProjection(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    @EventHandler
    void on(LinkCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (mongo.exists(byId(event.linkId()), LinkDocument.class)) {
            return;
        }
        SimSnapshot sim = event.sim();
        mongo.insert(new LinkDocument(event.linkId(), event.organisationId(), event.name(), lower(event.name()),
                searchText(event.name(), event.linkId(), sim), LinkStatus.PRE_ACTIVE, sim, sim.type().value(),
                sim.countries(), event.compatibilityZones(), List.of(), List.of(), Usage.ZERO, 0,
                NetworkStatus.UNKNOWN, List.of(), null, "{}", sequence, at, at));
        waiter.projected(event.linkId());
    }

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LinkDocument link = mongo.findById(event.linkId(), LinkDocument.class);
        if (link == null || link.version() >= sequence) {
            return;
        }
        if (!mongo.exists(byId(event.activationId()), ActivationDocument.class)) {
            mongo.insert(new ActivationDocument(event.activationId(), event.linkId(), link.organisationId(),
                    event.plan(), ActivationStatus.ACTIVE, event.source(), Usage.ZERO, sequence, at, at,
                    event.activatedAt(), event.expiresAt()));
        }
        List<ActivationDocument> active = mongo.find(Query.query(where("linkId").is(event.linkId())
                .and("status").is(ActivationStatus.ACTIVE)), ActivationDocument.class);
        Update update = new Update()
                .set("status", LinkStatus.ACTIVE)
                .set("activePlanIds", active.stream().map(a -> a.plan().id()).distinct().toList())
                .set("activeCoverageIds", active.stream().map(a -> a.plan().coverageId()).distinct().toList());
        apply(event.linkId(), sequence, at, update);
    }

    /** Applies {@code update} unless the link already holds this event, and wakes requests waiting for it. */
    private void apply(String linkId, long sequence, Instant at, Update update) {
        update.set("version", sequence).set("updatedAt", at);
        mongo.updateFirst(Query.query(where("_id").is(linkId).and("version").lt(sequence)), update,
                LinkDocument.class);
        waiter.projected(linkId);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    static String searchText(String name, String linkId, SimSnapshot sim) {
        StringBuilder text = new StringBuilder(linkId.toLowerCase(Locale.ROOT));
        if (name != null) {
            text.append('\n').append(lower(name));
        }
        if (sim != null) {
            text.append('\n').append(sim.iccid());
        }
        return text.toString();
    }
}
