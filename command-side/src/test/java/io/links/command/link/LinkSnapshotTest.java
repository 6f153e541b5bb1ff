package io.links.command.link;

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

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
     * The shape of the link's fields when revision {@code 1} was set. A change to the fields fails this test: change
     * {@code @Revision} on {@link Link} with them, then this.
     */
    private static final String REVISION_1_FIELDS = "activePlans: java.util.Map<java.lang.String, "
            + "io.links.api.link.PlanSnapshot>; barred: java.util.EnumSet<io.links.api.link.NetworkType>; "
            + "bulkTasks: java.util.Set<java.lang.String>; compatibilityZones: java.util.List<java.lang.String>; "
            + "expiries: java.util.Map<java.lang.String, java.time.Instant>; imeiLock: java.lang.String; "
            + "linkId: java.lang.String; network: io.links.api.link.NetworkStatus; organisationId: java.lang.String; "
            + "sim: io.links.api.link.SimSnapshot; status: io.links.api.link.LinkStatus; "
            + "usage: java.util.Map<java.lang.String, io.links.api.link.Usage>";

    private final Serializer snapshots = new EventStoreConfiguration().serializer();

    @Test
    void aSnapshotReadsBackAsTheLinkItWasTakenOfEveryFieldAndItsType() {
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
        assertThat(restored.status()).isEqualTo(LinkStatus.SUSPENDED);
        assertThat(restored.barred()).containsExactlyInAnyOrder(NetworkType.G2, NetworkType.G3);
    }

    @Test
    void aLinkWithEmptyCollectionsAndNoSimReadsBackTheSame() {
        Link link = fromEvents(List.of(new LinkCreated(LINK, "org-1", "Pump", SIM, SIM.compatibilityZones()),
                new NetworkTypesBarred(LINK, Set.of(NetworkType.G2)),
                new NetworkTypesUnbarred(LINK, Set.of(NetworkType.G2)),
                new SimDetached(LINK, SIM.id())), null);

        Link restored = roundTrip(link);

        assertThat(restored).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(link);
        // the link's own copies of its sets work on what the snapshot restored, empty as it is
        assertThat(restored.barred()).isEmpty();
        assertThat(restored.activePlans()).isEmpty();
        assertThat(restored.status()).isEqualTo(LinkStatus.HOLD);
    }

    @Test
    void theRevisionNamesTheShapeOfTheFields() {
        String fields = Arrays.stream(Link.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .map(field -> field.getName() + ": " + field.getGenericType().getTypeName())
                .collect(Collectors.joining("; "));

        assertThat(Link.class.getAnnotation(Revision.class).value()).isEqualTo("1");
        assertThat(fields).as("the fields of Link changed: change its @Revision, then this test")
                .isEqualTo(REVISION_1_FIELDS);
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
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        return snapshots.deserialize(stored);
    }
}
