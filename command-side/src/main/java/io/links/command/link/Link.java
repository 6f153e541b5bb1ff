package io.links.command.link;

import io.links.api.error.LinksException;
import io.links.api.link.ActivatePlan;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationResult;
import io.links.api.link.ActivationSource;
import io.links.api.link.AttachSim;
import io.links.api.link.BarNetworkTypes;
import io.links.api.link.BulkItemApplied;
import io.links.api.link.CollectUsage;
import io.links.api.link.DeleteLink;
import io.links.api.link.DetachSim;
import io.links.api.link.ImeiLocked;
import io.links.api.link.ImeiUnlocked;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkMetaReplaced;
import io.links.api.link.LinkRenamed;
import io.links.api.link.LinkResumed;
import io.links.api.link.LinkStatus;
import io.links.api.link.LinkSuspended;
import io.links.api.link.LockImei;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusObserved;
import io.links.api.link.NetworkType;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.RecordNetworkStatus;
import io.links.api.link.RemoveActivation;
import io.links.api.link.RemovePlanActivations;
import io.links.api.link.ResumeLink;
import io.links.api.link.SendSms;
import io.links.api.link.SimAttached;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.SmsFailed;
import io.links.api.link.SmsResult;
import io.links.api.link.SmsSent;
import io.links.api.link.SmsStatus;
import io.links.api.link.SmsView;
import io.links.api.link.SuspendLink;
import io.links.api.link.UnbarNetworkTypes;
import io.links.api.link.UnlockImei;
import io.links.api.link.UpdateLink;
import io.links.command.store.CommandTargets;
import io.links.command.store.StoredByFields;
import io.links.command.upstream.Upstream;
import io.links.command.upstream.UpstreamException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's service endpoint bound to a SIM. Every rule of its lifecycle is checked here; the provider's platform
 * is told of a change before an event records it, so the link never claims what the platform refused.
 *
 * <p>A link takes a snapshot of itself every {@value LinkSnapshots#EVENTS} events, since an active link gains a usage
 * event every few minutes and would otherwise read its whole history on every load. The snapshot holds its fields as
 * JSON, field by field; {@link Revision} names what it holds. A change to the fields, to the records and enums in
 * them, or to what an event-sourcing handler makes of an event must change the revision too, so that snapshots of
 * the old kind are passed over and the link is read from its events instead. {@code LinkSnapshotTest} fails when the
 * fields, records or enums change and the revision does not; a change of a handler's logic only a reader can see.
 */
@Aggregate(commandTargetResolver = CommandTargets.BEAN, snapshotTriggerDefinition = LinkSnapshots.TRIGGER)
@Revision("2")
@StoredByFields
public class Link {

    static final int MAX_SMS_LENGTH = 80;

    @AggregateIdentifier
    private String linkId;
    private String organisationId;
    private LinkStatus status;
    private SimSnapshot sim;
    private List<String> compatibilityZones;
    @AggregateMember
    private final Activations activations = new Activations();
    private final EnumSet<NetworkType> barred = EnumSet.noneOf(NetworkType.class);
    private String imeiLock;
    private NetworkStatus network;
    private final Set<String> bulkTasks = new HashSet<>();

    /** Axon rebuilds a link from its events, starting from this empty instance. */
    protected Link() {
    }

    /**
     * A new link holding {@code sim}, with {@code plans} (by activation id) activated at once. The SIM must already
     * be bound to it in the catalog; this checks the rules that need only the SIM and the plans.
     */
    static Link create(String linkId, String organisationId, String name, SimSnapshot sim,
                       Map<String, PlanSnapshot> plans, Instant now, Upstream upstream) {
        for (PlanSnapshot plan : plans.values()) {
            requireZonesIntersect("plan_ids", plan, sim.compatibilityZones());
        }
        upstream.provision(sim, plans, EnumSet.noneOf(NetworkType.class));
        apply(new LinkCreated(linkId, organisationId, name, sim, sim.compatibilityZones()));
        plans.forEach((activationId, plan) -> apply(activation(linkId, activationId, plan, now)));
        return new Link();
    }

    @CommandHandler
    long handle(UpdateLink command) {
        requireReachable(command.organisationId());
        if (command.replacingMeta()) {
            Meta.check(command.meta());
        }
        if (command.renaming()) {
            apply(new LinkRenamed(linkId, command.name()));
        }
        if (command.replacingMeta()) {
            // JSON null is a value a customer may store; Map.copyOf would refuse it
            apply(new LinkMetaReplaced(linkId, Collections.unmodifiableMap(new LinkedHashMap<>(command.meta()))));
        }
        return version();
    }

    @CommandHandler
    long handle(DeleteLink command, LinkCatalog catalog, Upstream upstream, MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return version();
        }
        requireReachable(command.organisationId());
        if (sim != null) {
            throw LinksException.validation("link " + linkId + " still has SIM " + sim.id()
                    + " bound; detach the SIM first");
        }
        if (item.dryRun()) {
            return version();
        }
        upstream.deleteEndpoint(linkId);
        for (String activationId : activations.ids()) {
            apply(new ActivationRemoved(linkId, activationId), item.mark());
            catalog.activationRemoved(activationId);
        }
        apply(new LinkDeleted(linkId), item.mark());
        return version();
    }

    @CommandHandler
    long handle(DetachSim command, LinkCatalog catalog, Upstream upstream, MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return version();
        }
        requireReachable(command.organisationId());
        SimSnapshot bound = requireSim("detach it");
        if (item.dryRun()) {
            return version();
        }
        upstream.release(bound);
        catalog.releaseSim(bound.id(), linkId);
        apply(new SimDetached(linkId, bound.id()), item.mark());
        return version();
    }

    @CommandHandler
    long handle(AttachSim command, LinkCatalog catalog, Upstream upstream) {
        requireReachable(command.organisationId());
        if (sim != null) {
            throw LinksException.validation("link " + linkId + " already has SIM " + sim.id()
                    + " bound; only a link on hold can take a SIM");
        }
        SimSnapshot attached = catalog.sim(organisationId, command.simId()).orElseThrow(() ->
                LinksException.invalidField("sim_id", "no SIM " + command.simId() + " exists in this organisation"));
        if (attached.compatibilityZones().stream().noneMatch(compatibilityZones::contains)) {
            throw LinksException.invalidField("sim_id", "the SIM's compatibility zones "
                    + attached.compatibilityZones() + " do not intersect the link's " + compatibilityZones);
        }
        if (!catalog.bindSim(attached.id(), linkId)) {
            throw LinksException.invalidField("sim_id", "SIM " + attached.id() + " is already bound to another link");
        }
        upstream.provision(attached, activations.plans(), EnumSet.copyOf(barred));
        apply(new SimAttached(linkId, attached, attached.compatibilityZones()));
        return version();
    }

    @CommandHandler
    long handle(BarNetworkTypes command, Upstream upstream) {
        requireReachable(command.organisationId());
        SimSnapshot bound = requireSim("bar network types");
        Set<NetworkType> wanted = EnumSet.noneOf(NetworkType.class);
        wanted.addAll(command.networkTypes());
        wanted.removeAll(barred);
        if (wanted.isEmpty()) {
            throw LinksException.invalidField("network_types", "every one of " + names(command.networkTypes())
                    + " is already barred on link " + linkId + "; nothing to do");
        }
        upstream.bar(bound, wanted);
        apply(new NetworkTypesBarred(linkId, wanted));
        return version();
    }

    @CommandHandler
    long handle(UnbarNetworkTypes command, Upstream upstream) {
        requireReachable(command.organisationId());
        SimSnapshot bound = requireSim("unbar network types");
        Set<NetworkType> wanted = EnumSet.noneOf(NetworkType.class);
        wanted.addAll(command.networkTypes());
        wanted.retainAll(barred);
        if (wanted.isEmpty()) {
            throw LinksException.invalidField("network_types", "none of " + names(command.networkTypes())
                    + " is barred on link " + linkId + "; nothing to do");
        }
        upstream.unbar(bound, wanted);
        apply(new NetworkTypesUnbarred(linkId, wanted));
        return version();
    }

    @CommandHandler
    long handle(LockImei command, LinkCatalog catalog, Upstream upstream) {
        requireReachable(command.organisationId());
        SimSnapshot bound = requireSim("lock it to an IMEI");
        if (imeiLock != null) {
            throw LinksException.validation("link " + linkId + " is already locked to IMEI " + imeiLock
                    + "; unlock it first");
        }
        String imei = catalog.sim(organisationId, bound.id()).map(SimSnapshot::imei).orElse(null);
        if (imei == null) {
            throw LinksException.validation("no IMEI has been observed for SIM " + bound.id()
                    + " yet, so there is no device to lock link " + linkId + " to");
        }
        upstream.lockImei(bound, imei);
        apply(new ImeiLocked(linkId, imei));
        return version();
    }

    @CommandHandler
    long handle(UnlockImei command, Upstream upstream) {
        requireReachable(command.organisationId());
        if (imeiLock == null) {
            throw LinksException.validation("link " + linkId + " has no IMEI lock to remove");
        }
        upstream.unlockImei(requireSim("unlock it"));
        apply(new ImeiUnlocked(linkId));
        return version();
    }

    @CommandHandler
    long handle(SuspendLink command, Upstream upstream, MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return version();
        }
        requireReachable(command.organisationId());
        if (status != LinkStatus.ACTIVE) {
            throw LinksException.validation("only an active link can be suspended; link " + linkId + " is "
                    + status.value());
        }
        if (item.dryRun()) {
            return version();
        }
        upstream.suspend(sim);
        apply(new LinkSuspended(linkId), item.mark());
        return version();
    }

    @CommandHandler
    long handle(ResumeLink command, Upstream upstream, MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return version();
        }
        requireReachable(command.organisationId());
        if (status != LinkStatus.SUSPENDED) {
            throw LinksException.validation("only a suspended link can be resumed; link " + linkId + " is "
                    + status.value());
        }
        if (item.dryRun()) {
            return version();
        }
        upstream.resume(sim);
        apply(new LinkResumed(linkId), item.mark());
        return version();
    }

    /**
     * Every attempt is recorded, a failed one too; the failure is then in the answer, not an exception, so that
     * the record of the attempt is kept.
     */
    @CommandHandler
    SmsResult handle(SendSms command, Upstream upstream, Clock clock) {
        requireReachable(command.organisationId());
        String message = command.message();
        // characters as a reader counts them: an emoji outside the basic plane is one, not two UTF-16 units
        if (message == null || message.isEmpty() || message.codePointCount(0, message.length()) > MAX_SMS_LENGTH) {
            throw LinksException.invalidField("message", "must be 1 to " + MAX_SMS_LENGTH + " characters");
        }
        if (status != LinkStatus.ACTIVE) {
            throw LinksException.validation("an SMS can be sent only through an active link; link " + linkId
                    + " is " + status.value());
        }
        if (sim.msisdn() == null) {
            throw LinksException.validation("SIM " + sim.id() + " of link " + linkId
                    + " has no MSISDN to send an SMS to");
        }
        Instant now = clock.instant();
        SmsView sms;
        try {
            String providerId = upstream.sendSms(sim, message);
            apply(new SmsSent(linkId, command.smsId(), message, sim.msisdn(), providerId, now));
            sms = new SmsView(command.smsId(), message, SmsStatus.SENT, now, null);
        } catch (UpstreamException e) {
            apply(new SmsFailed(linkId, command.smsId(), message, e.getMessage(), now));
            sms = new SmsView(command.smsId(), message, SmsStatus.FAILED, now, e.getMessage());
        }
        return new SmsResult(version(), sms);
    }

    @CommandHandler
    ActivationResult handle(ActivatePlan command, LinkCatalog catalog, Upstream upstream, Clock clock,
                            MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return new ActivationResult(version(), command.activationId());
        }
        requireReachable(command.organisationId());
        if (status != LinkStatus.PRE_ACTIVE && status != LinkStatus.ACTIVE) {
            throw LinksException.validation("a plan can be activated only on a pre-active or active link; link "
                    + linkId + " is " + status.value());
        }
        PlanSnapshot plan = catalog.plan(organisationId, command.planId()).orElseThrow(() ->
                LinksException.invalidField("plan_id", "no plan " + command.planId() + " exists in this organisation"));
        requireZonesIntersect("plan_id", plan, sim.compatibilityZones());
        if (item.dryRun()) {
            return new ActivationResult(version(), command.activationId());
        }
        upstream.activate(sim, command.activationId(), plan);
        apply(activation(linkId, command.activationId(), plan, clock.instant()), item.mark());
        catalog.activationStarted(command.activationId(), linkId, plan.id());
        return new ActivationResult(version(), command.activationId());
    }

    @CommandHandler
    long handle(RemoveActivation command, LinkCatalog catalog, Upstream upstream) {
        requireReachable(command.organisationId());
        if (!activations.running(command.activationId())) {
            throw LinksException.notFound("activation", command.activationId());
        }
        if (sim != null) {
            upstream.deactivate(sim, command.activationId());
        }
        apply(new ActivationRemoved(linkId, command.activationId()));
        catalog.activationRemoved(command.activationId());
        return version();
    }

    /** Ends every active activation of the plan; a link with none of the plan has nothing to remove (422). */
    @CommandHandler
    long handle(RemovePlanActivations command, LinkCatalog catalog, Upstream upstream, MetaData meta) {
        BulkItem item = BulkItem.of(meta);
        if (doneBefore(item, command.organisationId())) {
            return version();
        }
        requireReachable(command.organisationId());
        List<String> ofPlan = activations.ofPlan(command.planId());
        if (ofPlan.isEmpty()) {
            throw LinksException.invalidField("plan_id", "link " + linkId + " has no active activation of plan "
                    + command.planId());
        }
        if (item.dryRun()) {
            return version();
        }
        for (String activationId : ofPlan) {
            if (sim != null) {
                upstream.deactivate(sim, activationId);
            }
            apply(new ActivationRemoved(linkId, activationId), item.mark());
            catalog.activationRemoved(activationId);
        }
        return version();
    }

    /**
     * Records what the provider reported when it differs in substance (attachment, country, operator, radio) from
     * what was last recorded; a report that only refreshes the times records nothing.
     */
    @CommandHandler
    long handle(RecordNetworkStatus command) {
        requireReachable(command.organisationId());
        NetworkStatus reported = command.status();
        boolean same = network != null && network.connected() == reported.connected()
                && Objects.equals(network.country(), reported.country())
                && Objects.equals(network.operator(), reported.operator())
                && network.networkType() == reported.networkType();
        if (sim != null && !same) {
            apply(new NetworkStatusObserved(linkId, reported));
        }
        return version();
    }

    /** A usage snapshot of every running activation, as {@link Activations#collect} takes it. */
    @CommandHandler
    long handle(CollectUsage command, LinkCatalog catalog, Upstream upstream, Clock clock) {
        if (status == LinkStatus.REMOVED || sim == null) {
            return version();
        }
        activations.collect(linkId, sim, status == LinkStatus.ACTIVE, clock.instant(), catalog, upstream);
        return version();
    }

    String organisationId() {
        return organisationId;
    }

    LinkStatus status() {
        return status;
    }

    Map<String, PlanSnapshot> activePlans() {
        return activations.plans();
    }

    Set<NetworkType> barred() {
        return EnumSet.copyOf(barred);
    }

    String imeiLock() {
        return imeiLock;
    }

    private static PlanActivated activation(String linkId, String activationId, PlanSnapshot plan, Instant now) {
        return new PlanActivated(linkId, activationId, plan, ActivationSource.MANUAL, now,
                now.plus(plan.validityDays(), ChronoUnit.DAYS));
    }

    /** Whether {@code item} is a bulk task's item that changed this link already, so that its rerun does nothing. */
    private boolean doneBefore(BulkItem item, String callerOrganisation) {
        return item.taskId() != null && organisationId.equals(callerOrganisation) && bulkTasks.contains(item.taskId());
    }

    /** Remembers the bulk task whose item caused an event, when the event's metadata names one. */
    private void marked(String bulkTask) {
        if (bulkTask != null) {
            bulkTasks.add(bulkTask);
        }
    }

    /** Another organisation's link does not exist for the caller; a removed one is gone. */
    private void requireReachable(String callerOrganisation) {
        if (!organisationId.equals(callerOrganisation)) {
            throw LinksException.notFound("link", linkId);
        }
        if (status == LinkStatus.REMOVED) {
            throw LinksException.gone("link", linkId);
        }
    }

    private SimSnapshot requireSim(String purpose) {
        if (sim == null) {
            throw LinksException.validation("link " + linkId + " is on hold with no SIM bound; attach a SIM to "
                    + purpose);
        }
        return sim;
    }

    /** Refuses, naming {@code field}, a plan whose zones miss the SIM's {@code zones}. */
    private static void requireZonesIntersect(String field, PlanSnapshot plan, List<String> zones) {
        if (zones.stream().noneMatch(plan.compatibilityZones()::contains)) {
            throw LinksException.invalidField(field, "plan " + plan.id() + " cannot be activated: its "
                    + "compatibility zones " + plan.compatibilityZones() + " do not intersect the SIM's " + zones);
        }
    }

    private static List<String> names(Set<NetworkType> types) {
        return types.stream().map(NetworkType::value).sorted().toList();
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(LinkCreated event) {
        linkId = event.linkId();
        organisationId = event.organisationId();
        sim = event.sim();
        compatibilityZones = List.copyOf(event.compatibilityZones());
        status = LinkStatus.PRE_ACTIVE;
    }

    /** The activation itself is {@link Activations}'s. */
    @EventSourcingHandler
    void on(PlanActivated event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
        status = LinkStatus.ACTIVE;
    }

    /** The activation's end is {@link Activations}'s. */
    @EventSourcingHandler
    void on(ActivationRemoved event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
    }

    @EventSourcingHandler
    void on(LinkDeleted event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
        status = LinkStatus.REMOVED;
    }

    @EventSourcingHandler
    void on(SimDetached event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
        sim = null;
        imeiLock = null;
        status = LinkStatus.HOLD;
    }

    @EventSourcingHandler
    void on(SimAttached event) {
        sim = event.sim();
        compatibilityZones = List.copyOf(event.compatibilityZones());
        status = LinkStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(NetworkTypesBarred event) {
        barred.addAll(event.networkTypes());
    }

    @EventSourcingHandler
    void on(NetworkTypesUnbarred event) {
        barred.removeAll(event.networkTypes());
    }

    @EventSourcingHandler
    void on(ImeiLocked event) {
        imeiLock = event.imei();
    }

    @EventSourcingHandler
    void on(ImeiUnlocked event) {
        imeiLock = null;
    }

    @EventSourcingHandler
    void on(NetworkStatusObserved event) {
        network = event.status();
    }

    /** Earlier versions recorded an item's mark as an event of its own. */
    @EventSourcingHandler
    void on(BulkItemApplied event) {
        bulkTasks.add(event.taskId());
    }

    @EventSourcingHandler
    void on(LinkSuspended event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
        status = LinkStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(LinkResumed event, @MetaDataValue(BulkItem.TASK) String bulkTask) {
        marked(bulkTask);
        status = LinkStatus.ACTIVE;
    }
}
