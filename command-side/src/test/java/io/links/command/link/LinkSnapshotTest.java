package io.links.command.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.catalog.SimType;
import io.links.api.link.ImeiLocked;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkStatus;
import io.links.api.link.LinkSuspended;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusObserved;
import io.links.api.link.NetworkType;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.ActivationSource;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.api.link.UsageRecorded;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link's snapshot, written by the serializer the event store gives snapshots, reads back as the link it was taken
 * of, field for field and type for type; and the revision that names the fields' shape changes with them.
 */
class LinkSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.250Z");
    private static final String LINK = "link-1";
    private static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123",
            "490154203237518", SimType.PHYSICAL, "simulator", List.of("eu", "global"), List.of("DEU"));
    private static final PlanSnapshot PLAN = new PlanSnapshot("plan-1", "EU 1 GB", 1_000_000_000L, 30, "cov-1",
            List.of("eu"), true);

    /**
     * The shape of what a snapshot holds when revision {@code 2} was set: the link's fields, and the fields of every
     * record and the values of every enum they hold, as JSON writes them. A change to any of them fails this test:
     * change {@code @Revision} on {@link Link} with them, then record the new shape here.
     */
    private static final String REVISION_2_SHAPE = """
            io.links.api.catalog.SimType.ESIM = "esim"
            io.links.api.catalog.SimType.PHYSICAL = "physical"
            io.links.api.link.LinkStatus.ACTIVE = "active"
            io.links.api.link.LinkStatus.HOLD = "hold"
            io.links.api.link.LinkStatus.PRE_ACTIVE = "pre_active"
            io.links.api.link.LinkStatus.REMOVED = "removed"
            io.links.api.link.LinkStatus.SUSPENDED = "suspended"
            io.links.api.link.NetworkStatus.connected: boolean
            io.links.api.link.NetworkStatus.country: java.lang.String
            io.links.api.link.NetworkStatus.lastSeenAt: java.time.Instant
            io.links.api.link.NetworkStatus.networkType: io.links.api.link.NetworkType
            io.links.api.link.NetworkStatus.operator: java.lang.String
            io.links.api.link.NetworkStatus.refreshedAt: java.time.Instant
            io.links.api.link.NetworkType.G2 = "2g"
            io.links.api.link.NetworkType.G3 = "3g"
            io.links.api.link.NetworkType.G4 = "4g"
            io.links.api.link.NetworkType.G5 = "5g"
            io.links.api.link.NetworkType.LTE_M = "lte_m"
            io.links.api.link.NetworkType.NB_IOT = "nb_iot"
            io.links.api.link.PlanSnapshot.autoRenew: boolean
            io.links.api.link.PlanSnapshot.compatibilityZones: java.util.List<java.lang.String>
            io.links.api.link.PlanSnapshot.coverageId: java.lang.String
            io.links.api.link.PlanSnapshot.dataBytes: long
            io.links.api.link.PlanSnapshot.id: java.lang.String
            io.links.api.link.PlanSnapshot.name: java.lang.String
            io.links.api.link.PlanSnapshot.validityDays: int
            io.links.api.link.SimSnapshot.compatibilityZones: java.util.List<java.lang.String>
            io.links.api.link.SimSnapshot.countries: java.util.List<java.lang.String>
            io.links.api.link.SimSnapshot.iccid: java.lang.String
            io.links.api.link.SimSnapshot.id: java.lang.String
            io.links.api.link.SimSnapshot.imei: java.lang.String
            io.links.api.link.SimSnapshot.msisdn: java.lang.String
            io.links.api.link.SimSnapshot.provider: java.lang.String
            io.links.api.link.SimSnapshot.type: io.links.api.catalog.SimType
            io.links.api.link.Usage.bytesDown: long
            io.links.api.link.Usage.bytesTotal: long
            io.links.api.link.Usage.bytesUp: long
            io.links.api.link.Usage.smsCount: long
            io.links.command.link.Activations.expiries: java.util.Map<java.lang.String, java.time.Instant>
            io.links.command.link.Activations.plans: java.util.Map<java.lang.String, io.links.api.link.PlanSnapshot>
            io.links.command.link.Activations.usage: java.util.Map<java.lang.String, io.links.api.link.Usage>
            io.links.command.link.Link.activations: io.links.command.link.Activations
            io.links.command.link.Link.barred: java.util.EnumSet<io.links.api.link.NetworkType>
            io.links.command.link.Link.bulkTasks: java.util.Set<java.lang.String>
            io.links.command.link.Link.compatibilityZones: java.util.List<java.lang.String>
            io.links.command.link.Link.imeiLock: java.lang.String
            io.links.command.link.Link.linkId: java.lang.String
            io.links.command.link.Link.network: io.links.api.link.NetworkStatus
            io.links.command.link.Link.organisationId: java.lang.String
            io.links.command.link.Link.sim: io.links.api.link.SimSnapshot
            io.links.command.link.Link.status: io.links.api.link.LinkStatus
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer snapshots = new EventStoreConfiguration().serializer();

    @Test
    void aSnapshotReadsBackAsTheLinkItWasTakenOfEveryFieldAndItsType() throws Exception {
        Link link = fromEvents(List.of(new LinkCreated(LINK, "org-1", "Pump", SIM, SIM.compatibilityZones()),
                new PlanActivated(LINK, "act-1", PLAN, ActivationSource.MANUAL, NOW, NOW.plusSeconds(86_400)),
                new PlanActivated(LINK, "act-2", PLAN, ActivationSource.MANUAL, NOW, null),
                new UsageRecorded(LINK, "act-1", new Usage(10, 20, 30, 1), NOW),
                new NetworkTypesBarred(LINK, Set.of(NetworkType.G2, NetworkType.G3)),
                new ImeiLocked(LINK, "490154203237518"),
                new NetworkStatusObserved(LINK, new NetworkStatus(true, "DEU", "Telekom", NetworkType.G4, NOW,
                        NOW)),
                new LinkSuspended(LINK)), "task-7");

        Link restored = roundTrip(link);

        assertThat(restored).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(link);
        assertCollectionsOfTheSameKind(restored, link);
        assertThat(restored.status()).isEqualTo(LinkStatus.SUSPENDED);
        assertThat(restored.barred()).containsExactlyInAnyOrder(NetworkType.G2, NetworkType.G3);
    }

    @Test
    void aLinkWithEmptyCollectionsAndNoSimReadsBackTheSame() throws Exception {
        Link link = fromEvents(List.of(new LinkCreated(LINK, "org-1", "Pump", SIM, SIM.compatibilityZones()),
                new NetworkTypesBarred(LINK, Set.of(NetworkType.G2)),
                new NetworkTypesUnbarred(LINK, Set.of(NetworkType.G2)),
                new SimDetached(LINK, SIM.id())), null);

        Link restored = roundTrip(link);

        assertThat(restored).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(link);
        assertCollectionsOfTheSameKind(restored, link);
        // the link's own copies of its sets work on what the snapshot restored, empty as it is
        assertThat(restored.barred()).isEmpty();
        assertThat(restored.activePlans()).isEmpty();
        assertThat(restored.status()).isEqualTo(LinkStatus.HOLD);
    }

    @Test
    void theRevisionNamesTheShapeOfWhatASnapshotHolds() throws Exception {
        assertThat(Link.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(shape(Link.class)).as("what a Link snapshot holds changed: change its @Revision, then this test")
                .isEqualTo(REVISION_2_SHAPE);
    }

    /**
     * Each member of each type a snapshot of {@code root} holds, a line each and in the order of their names: its
     * fields, or its record components, or its values as JSON writes them.
     */
    private static String shape(Class<?> root) throws Exception {
        List<String> members = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.push(parameterized.getRawType());
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
                continue;
            }
            Class<?> kind = (Class<?>) type;
            if (!kind.getName().startsWith("io.links.") || !seen.add(kind)) {
                continue;
            }
            if (kind.isEnum()) {
                for (Object constant : kind.getEnumConstants()) {
                    members.add(kind.getName() + "." + ((Enum<?>) constant).name() + " = "
                            + JSON.writeValueAsString(constant));
                }
            } else if (kind.isRecord()) {
                for (RecordComponent component : kind.getRecordComponents()) {
                    members.add(kind.getName() + "." + component.getName() + ": "
                            + component.getGenericType().getTypeName());
                    pending.add(component.getGenericType());
                }
            } else {
                for (Field field : kind.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        members.add(kind.getName() + "." + field.getName() + ": "
                                + field.getGenericType().getTypeName());
                        pending.add(field.getGenericType());
                    }
                }
            }
        }
        return members.stream().sorted().collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Each collection the restored link holds is of the kind the link's own was: the recursive comparison looks at
     * their elements only. The SIM's zones are the exception, an unmodifiable list the link never changes, restored
     * as a plain one.
     */
    private static void assertCollectionsOfTheSameKind(Object restored, Object link) throws Exception {
        for (Field field : link.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("compatibilityZones")) {
                continue;
            }
            field.setAccessible(true);
            if (field.getType() == Activations.class) {
                assertCollectionsOfTheSameKind(field.get(restored), field.get(link));
            } else if (Collection.class.isAssignableFrom(field.getType())
                    || Map.class.isAssignableFrom(field.getType())) {
                assertThat(field.get(restored)).as(field.getName()).isExactlyInstanceOf(field.get(link).getClass());
            }
        }
    }

    /** The link the events make, each event marked as caused by bulk task {@code task} when one is given. */
    private static Link fromEvents(List<Object> events, String task) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>("Link", LINK, sequence, events.get(sequence),
                    task == null ? MetaData.emptyInstance() : MetaData.from(Map.of(BulkItem.TASK, task))));
        }
        EventSourcedAggregate<Link> aggregate = EventSourcedAggregate.initialize(new Link(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Link.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages.stream(), () -> (long) events.size() - 1));
        return aggregate.getAggregateRoot();
    }

    private Link roundTrip(Link link) {
        SerializedObject<byte[]> stored = snapshots.serialize(link, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        return snapshots.deserialize(stored);
    }
}
