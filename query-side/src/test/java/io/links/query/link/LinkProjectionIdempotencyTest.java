package io.links.query.link;

import io.links.api.catalog.SimType;
import io.links.api.link.ActivationDepleted;
import io.links.api.link.ActivationExpired;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationSource;
import io.links.api.link.ImeiLocked;
import io.links.api.link.ImeiUnlocked;
import io.links.api.link.LinkCreated;
import io.links.api.link.LinkDeleted;
import io.links.api.link.LinkMetaReplaced;
import io.links.api.link.LinkRenamed;
import io.links.api.link.LinkResumed;
import io.links.api.link.LinkSuspended;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusObserved;
import io.links.api.link.NetworkType;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimAttached;
import io.links.api.link.SimDetached;
import io.links.api.link.SimSnapshot;
import io.links.api.link.SmsFailed;
import io.links.api.link.SmsSent;
import io.links.api.link.Usage;
import io.links.api.link.UsageRecorded;
import io.links.query.config.VersionWaiter;
import io.links.query.support.MemoryMongo;
import io.links.query.support.Redelivery;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery and replay are harmless: the projection applied to an event it has applied already leaves every
 * document exactly as it was. Runs the projection's handlers through Axon's own dispatch, on the embedded store's
 * backend.
 */
class LinkProjectionIdempotencyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String LINK = "link-1";
    private static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123",
            "490154203237518", SimType.PHYSICAL, "simulator", List.of("eu"), List.of("DEU"));
    private static final SimSnapshot OTHER_SIM = new SimSnapshot("sim-2", "8944500000000000014", null, null,
            SimType.ESIM, "simulator", List.of("eu", "global"), List.of("FRA"));
    private static final PlanSnapshot PLAN = new PlanSnapshot("plan-1", "EU 10 kB", 10_000, 30, "cov-1",
            List.of("eu"), true);

    /** A link's whole life, one event of every kind the projection handles. */
    private static final List<Object> HISTORY = List.of(
            new LinkCreated(LINK, "org-1", "Pump", SIM, SIM.compatibilityZones()),
            new PlanActivated(LINK, "act-1", PLAN, ActivationSource.MANUAL, T0, T0.plus(30, ChronoUnit.DAYS)),
            new UsageRecorded(LINK, "act-1", new Usage(100, 200, 300, 1), T0),
            new NetworkTypesBarred(LINK, Set.of(NetworkType.G2, NetworkType.G3)),
            new ImeiLocked(LINK, SIM.imei()),
            new LinkRenamed(LINK, "Pump 7"),
            new LinkMetaReplaced(LINK, Map.of("site", "north", "tags", List.of("a", "b"))),
            new SmsSent(LINK, "sms-1", "ping", SIM.msisdn(), "msg-1", T0),
            new SmsFailed(LINK, "sms-2", "ping", "provider down", T0),
            new NetworkStatusObserved(LINK, new NetworkStatus(true, "DEU", "KPN", NetworkType.G5, T0, T0)),
            new LinkSuspended(LINK),
            new LinkResumed(LINK),
            new UsageRecorded(LINK, "act-1", new Usage(4_000, 6_000, 10_000, 1), T0),
            new ActivationDepleted(LINK, "act-1"),
            new PlanActivated(LINK, "act-2", PLAN, ActivationSource.RESUBSCRIPTION, T0, T0.plus(30, ChronoUnit.DAYS)),
            new ActivationExpired(LINK, "act-2"),
            new PlanActivated(LINK, "act-3", PLAN, ActivationSource.MANUAL, T0, T0.plus(30, ChronoUnit.DAYS)),
            new NetworkTypesUnbarred(LINK, Set.of(NetworkType.G3)),
            new ImeiUnlocked(LINK),
            new SimDetached(LINK, SIM.id()),
            new SimAttached(LINK, OTHER_SIM, OTHER_SIM.compatibilityZones()),
            new ActivationRemoved(LINK, "act-3"),
            new SimDetached(LINK, OTHER_SIM.id()),
            new LinkDeleted(LINK));

    private MemoryMongo store;
    private MongoTemplate mongo;
    private LinkWrites writes;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void store() {
        store = new MemoryMongo();
        mongo = store.template();
        VersionWaiter waiter = new VersionWaiter();
        writes = new LinkWrites(mongo, waiter);
        projection = new AnnotationEventHandlerAdapter(new LinkProjection(mongo, writes, waiter));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyEventDeliveredTwiceInARowLeavesWhatOneDeliveryLeft() throws Exception {
        Redelivery.eachEventTwiceInARow(HISTORY, this::deliver, this::documents);
    }

    @Test
    void replayingTheWholeHistoryOverTheBuiltReadModelChangesNothingAtAnyStep() throws Exception {
        Map<String, List<Document>> built = Redelivery.replayedOverWhatItBuilt(HISTORY, this::deliver,
                this::documents);

        assertThat(built.get(LinkDocument.COLLECTION)).hasSize(1);
        assertThat(built.get(ActivationDocument.COLLECTION)).hasSize(3);
        assertThat(built.get(SmsDocument.COLLECTION)).hasSize(2);
    }

    @Test
    void theWholeHistoryAsOneBatchOfTheProcessorLeavesWhatDeliveringItEventByEventLeft() throws Exception {
        for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
            deliver(sequence);
        }
        Map<String, List<Document>> eventByEvent = documents();
        mongo.getDb().drop();

        // gathered writes, and reads of the link between them, as the links processor runs them
        deliverAsOneBatch();
        assertThat(documents()).isEqualTo(eventByEvent);
        deliverAsOneBatch();
        assertThat(documents()).isEqualTo(eventByEvent);
    }

    /** Hands event {@code sequence} of the history to the projection, timestamped a minute per event. */
    private void deliver(int sequence) throws Exception {
        projection.handle(message(sequence));
    }

    /** Hands the whole history to the projection as one batch, through the interceptor that gathers its writes. */
    private void deliverAsOneBatch() throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
            messages.add(message(sequence));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(writes.interceptor()),
                message -> projection.handle(message)).proceed());
        assertThat(batch.getExecutionResult().isExceptionResult()).isFalse();
    }

    private static EventMessage<?> message(int sequence) {
        return new GenericDomainEventMessage<>("Link", LINK, sequence, HISTORY.get(sequence), Map.of(),
                "event-" + sequence, T0.plus(sequence, ChronoUnit.MINUTES));
    }

    private Map<String, List<Document>> documents() {
        return store.documents(LinkDocument.COLLECTION, ActivationDocument.COLLECTION, SmsDocument.COLLECTION);
    }
}
