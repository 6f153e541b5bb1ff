package io.links.query.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.link.ActivationDepleted;
import io.links.api.link.ActivationExpired;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationStatus;
import io.links.api.link.ImeiLocked;
import io.links.api.link.ImeiUnlocked;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkMetaReplaced;
import io.links.api.link.LinkRenamed;
import io.links.api.link.LinkResumed;
import io.links.api.link.LinkStatus;
import io.links.api.link.LinkSuspended;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusObserved;
import io.links.api.link.NetworkType;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.SimAttached;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.SmsFailed;
import io.links.api.link.SmsSent;
import io.links.api.link.SmsStatus;
import io.links.api.link.Usage;
import io.links.api.link.UsageRecorded;
import io.links.query.config.Documents;
import io.links.query.config.ProcessingGroups;
import io.links.query.config.VersionWaiter;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Builds the link and activation read models. Every document remembers the sequence number of the last event
 * applied to it and ignores events at or below it, so replays and redeliveries leave it unchanged.
 *
 * <p>{@code BulkItemApplied}, the mark that earlier versions' bulk tasks left on a link as an event of its own, changes
 * nothing a reader sees and is not projected: in such histories a link's {@code version} skips its number, and no one
 * waits for it, since bulk items answer no request. Bulk items now name their task in their events' metadata.
 */
@Component
@ProcessingGroup(ProcessingGroups.LINKS)
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class LinkProjection {

    private final MongoTemplate mongo;
    private final LinkWrites writes;
    private final VersionWaiter waiter;
    private final ObjectMapper json = new ObjectMapper();

    public LinkProjection(MongoTemplate mongo, LinkWrites writes, VersionWaiter waiter) {
        this.mongo = mongo;
        this.writes = writes;
        this.waiter = waiter;
    }

    @EventHandler
    void on(LinkCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.beforeRead();
        if (Documents.exists(mongo, event.linkId(), LinkDocument.COLLECTION)) {
            return;
        }
        SimSnapshot sim = event.sim();
        mongo.insert(new LinkDocument(event.linkId(), event.organisationId(), event.name(), lower(event.name()),
                searchText(event.name(), event.linkId(), sim), LinkStatus.PRE_ACTIVE, sim, sim.type().value(),
                sim.countries(), event.compatibilityZones(), List.of(), List.of(), List.of(), Usage.ZERO, 0,
                NetworkStatus.UNKNOWN, List.of(), null, "{}", sequence, at, at));
        waiter.projected(event.linkId());
    }

    @EventHandler
    void on(PlanActivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link == null) {
            return;
        }
        if (!Documents.exists(mongo, event.activationId(), ActivationDocument.COLLECTION)) {
            mongo.insert(new ActivationDocument(event.activationId(), event.linkId(), link.organisationId(),
                    event.plan(), ActivationStatus.ACTIVE, event.source(), Usage.ZERO, sequence, at, at,
                    event.activatedAt(), event.expiresAt()));
        }
        List<ActivationEntry> entries = new ArrayList<>(activations(link));
        if (entries.stream().noneMatch(entry -> entry.id().equals(event.activationId()))) {
            entries.add(new ActivationEntry(event.activationId(), event.plan().id(), event.plan().coverageId(), true,
                    Usage.ZERO));
        }
        apply(event.linkId(), sequence, at, activations(entries).set("status", LinkStatus.ACTIVE));
    }

    @EventHandler
    void on(ActivationRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ended(event.linkId(), event.activationId(), ActivationStatus.REMOVED, sequence, at);
    }

    @EventHandler
    void on(ActivationDepleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ended(event.linkId(), event.activationId(), ActivationStatus.DEPLETED, sequence, at);
    }

    @EventHandler
    void on(ActivationExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ended(event.linkId(), event.activationId(), ActivationStatus.EXPIRED, sequence, at);
    }

    private void ended(String linkId, String activationId, ActivationStatus status, long sequence, Instant at) {
        LinkDocument link = pending(linkId, sequence);
        if (link == null) {
            return;
        }
        mongo.updateFirst(byId(activationId), new Update().set("status", status).set("updatedAt", at)
                .set("version", sequence), ActivationDocument.class);
        apply(linkId, sequence, at, activations(activations(link).stream()
                .map(entry -> entry.id().equals(activationId) ? entry.ended() : entry).toList()));
    }

    /**
     * A usage snapshot changes the activation's traffic and the link's sum over all its activations, removed ones
     * included, since their traffic was used all the same. Telemetry is not a change of the link: its update time
     * stays.
     */
    @EventHandler
    void on(UsageRecorded event, @SequenceNumber long sequence) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link == null) {
            return;
        }
        mongo.updateFirst(byId(event.activationId()), new Update().set("usage", event.usage())
                .set("version", sequence), ActivationDocument.class);
        write(event.linkId(), sequence, activations(activations(link).stream()
                .map(entry -> entry.id().equals(event.activationId()) ? entry.withUsage(event.usage()) : entry)
                .toList()));
    }

    @EventHandler
    void on(LinkRenamed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link != null) {
            apply(link.id(), sequence, at, new Update().set("name", event.name()).set("nameKey", lower(event.name()))
                    .set("searchText", searchText(event.name(), link.id(), link.sim())));
        }
    }

    @EventHandler
    void on(LinkMetaReplaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("metaJson", toJson(event.meta())));
    }

    @EventHandler
    void on(LinkDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("status", LinkStatus.REMOVED));
    }

    @EventHandler
    void on(SimAttached event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link != null) {
            SimSnapshot sim = event.sim();
            apply(link.id(), sequence, at, new Update().set("sim", sim).set("simType", sim.type().value())
                    .set("simCountries", sim.countries()).set("compatibilityZones", event.compatibilityZones())
                    .set("status", LinkStatus.ACTIVE).set("searchText", searchText(link.name(), link.id(), sim)));
        }
    }

    @EventHandler
    void on(SimDetached event, @SequenceNumber long sequence, @Timestamp Instant at) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link != null) {
            apply(link.id(), sequence, at, new Update().set("sim", null).set("simType", null)
                    .set("simCountries", List.of()).set("status", LinkStatus.HOLD).set("imeiLock", null)
                    .set("searchText", searchText(link.name(), link.id(), null)));
        }
    }

    @EventHandler
    void on(NetworkTypesBarred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        barred(event.linkId(), sequence, at, barred -> barred.addAll(event.networkTypes()));
    }

    @EventHandler
    void on(NetworkTypesUnbarred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        barred(event.linkId(), sequence, at, barred -> barred.removeAll(event.networkTypes()));
    }

    @EventHandler
    void on(ImeiLocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("imeiLock", event.imei()));
    }

    @EventHandler
    void on(ImeiUnlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("imeiLock", null));
    }

    @EventHandler
    void on(LinkSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("status", LinkStatus.SUSPENDED));
    }

    @EventHandler
    void on(LinkResumed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.linkId(), sequence, at, new Update().set("status", LinkStatus.ACTIVE));
    }

    /** An observation changes what the link's filters see, not the link itself: its update time stays. */
    @EventHandler
    void on(NetworkStatusObserved event, @SequenceNumber long sequence) {
        write(event.linkId(), sequence, new Update().set("networkStatus", event.status()));
    }

    @EventHandler
    void on(SmsSent event, @SequenceNumber long sequence) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link != null) {
            record(new SmsDocument(event.smsId(), link.id(), link.organisationId(), event.message(), SmsStatus.SENT,
                    event.sentAt(), null), sequence);
        }
    }

    @EventHandler
    void on(SmsFailed event, @SequenceNumber long sequence) {
        LinkDocument link = pending(event.linkId(), sequence);
        if (link != null) {
            record(new SmsDocument(event.smsId(), link.id(), link.organisationId(), event.message(),
                    SmsStatus.FAILED, event.attemptedAt(), event.reason()), sequence);
        }
    }

    /** An SMS changes no field of its link; only the link's version moves on. */
    private void record(SmsDocument sms, long sequence) {
        if (!Documents.exists(mongo, sms.id(), SmsDocument.COLLECTION)) {
            mongo.insert(sms);
        }
        write(sms.linkId(), sequence, new Update());
    }

    /** The link, when it exists and has not yet applied the event with this sequence number. */
    private LinkDocument pending(String linkId, long sequence) {
        writes.beforeRead();
        LinkDocument link = mongo.findById(linkId, LinkDocument.class);
        return link == null || link.version() >= sequence ? null : link;
    }

    /** Changes the link's set of barred types by {@code change}, unless the link holds this event already. */
    private void barred(String linkId, long sequence, Instant at, Consumer<Set<NetworkType>> change) {
        LinkDocument link = pending(linkId, sequence);
        if (link != null) {
            Set<NetworkType> barred = EnumSet.noneOf(NetworkType.class);
            barred.addAll(link.barredNetworkTypes());
            change.accept(barred);
            apply(linkId, sequence, at, new Update().set("barredNetworkTypes", List.copyOf(barred)));
        }
    }

    /**
     * The link's activations as its document keeps them; a document written before it kept them gets them from the
     * activation documents, once.
     */
    private List<ActivationEntry> activations(LinkDocument link) {
        if (link.activations() != null) {
            return link.activations();
        }
        return mongo.find(Query.query(where("linkId").is(link.id())), ActivationDocument.class).stream()
                .map(activation -> new ActivationEntry(activation.id(), activation.plan().id(),
                        activation.plan().coverageId(), activation.status() == ActivationStatus.ACTIVE,
                        activation.usage())).toList();
    }

    /** The activations, and the plan and coverage lists and the usage sum that follow from them. */
    private static Update activations(List<ActivationEntry> entries) {
        List<ActivationEntry> active = entries.stream().filter(ActivationEntry::active).toList();
        Usage total = entries.stream().map(ActivationEntry::usage).reduce(Usage.ZERO, Usage::plus);
        return new Update().set("activations", entries)
                .set("activePlanIds", active.stream().map(ActivationEntry::planId).distinct().toList())
                .set("activeCoverageIds", active.stream().map(ActivationEntry::coverageId).distinct().toList())
                .set("usage", total).set("usageTotal", total.bytesTotal());
    }

    private String toJson(Map<String, Object> meta) {
        try {
            return json.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("link meta cannot be written as JSON", e);
        }
    }

    /** Applies a change of the link itself, which moves its update time. */
    private void apply(String linkId, long sequence, Instant at, Update update) {
        write(linkId, sequence, update.set("updatedAt", at));
    }

    /** Writes {@code update} to the link's document, unless it holds this event already (see {@link LinkWrites}). */
    private void write(String linkId, long sequence, Update update) {
        writes.write(linkId, sequence, update);
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
