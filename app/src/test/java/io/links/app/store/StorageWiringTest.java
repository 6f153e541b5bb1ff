package io.links.app.store;

import io.links.api.link.LinkCreated;
import io.links.api.link.LinkMetaReplaced;
import io.links.api.link.LinkRenamed;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.store.EventStoreConfiguration;
import io.links.query.config.ProcessingGroups;
import io.links.query.config.ReadModelProcessingConfiguration;
import io.links.query.link.LinkWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Where things are stored: events in PostgreSQL with who caused them, read-model tokens in MongoDB, and a lost
 * append race reported as a concurrency conflict.
 */
class StorageWiringTest extends ApiTest {

    @Autowired
    private EventStorageEngine events;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private LinkWrites writes;

    @Test
    void eventsAreStoredInPostgresWithOrganisationActorAndRequestId() {
        String admin = fixtures.organisation();
        String keyId = api.get("/api-keys", admin).body().get("items").get(0).get("id").asText();
        Api.Answer created = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu")));
        String linkId = created.text("id");

        List<? extends DomainEventMessage<?>> stored = events.readEvents(linkId).asStream().toList();

        assertThat(stored).hasSize(1);
        DomainEventMessage<?> event = stored.get(0);
        assertThat(event.getPayload()).isInstanceOf(LinkCreated.class);
        assertThat(event.getMetaData()).containsEntry("actor", keyId)
                .containsEntry("request_id", created.header("X-Request-Id"))
                .containsKey("organisation_id");
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, linkId)).isEqualTo(LinkCreated.class.getName());
    }

    @Test
    void everyEventOfALinkNamesItsOrganisationActorRequestAndTime() {
        Api.Answer organisation = api.post("/organisations", Api.OPERATOR_KEY, Map.of("name", "Wiring "
                + UUID.randomUUID()));
        assertThat(organisation.status()).as(organisation.toString()).isEqualTo(201);
        String organisationId = organisation.text("id");
        String admin = organisation.text("api_key");
        String adminId = api.get("/api-keys", admin).body().get("items").get(0).get("id").asText();
        Api.Answer member = api.post("/api-keys", admin, Map.of("role", "member"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String createRequest = "create-" + UUID.randomUUID();
        String changeRequest = "change-" + UUID.randomUUID();
        Instant start = Instant.now();

        Api.Answer created = api.send("POST", "/links", admin, "application/json",
                Api.json(Map.of("sim_id", fixtures.sim(admin, "eu"))), Map.of("X-Request-Id", createRequest));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String linkId = created.text("id");
        Api.Answer changed = api.send("PATCH", "/links/" + linkId, member.text("api_key"), "application/json",
                "{\"name\":\"renamed\",\"meta\":{\"site\":\"north\"}}", Map.of("X-Request-Id", changeRequest));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Instant end = Instant.now();

        List<? extends DomainEventMessage<?>> stored = events.readEvents(linkId).asStream().toList();

        assertThat(stored).<Class<?>>extracting(DomainEventMessage::getPayloadType)
                .containsExactly(LinkCreated.class, LinkRenamed.class, LinkMetaReplaced.class);
        assertThat(stored.get(0).getMetaData()).containsEntry(EventStoreConfiguration.ORGANISATION, organisationId)
                .containsEntry(EventStoreConfiguration.ACTOR, adminId)
                .containsEntry(EventStoreConfiguration.REQUEST_ID, createRequest);
        for (DomainEventMessage<?> change : stored.subList(1, 3)) {
            assertThat(change.getMetaData()).as(change.getPayloadType().getSimpleName())
                    .containsEntry(EventStoreConfiguration.ORGANISATION, organisationId)
                    .containsEntry(EventStoreConfiguration.ACTOR, member.text("id"))
                    .containsEntry(EventStoreConfiguration.REQUEST_ID, changeRequest);
        }
        assertThat(member.text("id")).isNotEqualTo(adminId);
        assertThat(((LinkCreated) stored.get(0).getPayload()).organisationId()).isEqualTo(organisationId);
        // the store keeps milliseconds; the event is stamped within the requests that caused it
        assertThat(stored).extracting(DomainEventMessage::getTimestamp)
                .allSatisfy(time -> assertThat(time).isBetween(start.truncatedTo(ChronoUnit.MILLIS), end))
                .isSorted();
    }

    @Test
    void aSecondAppendAtTheSameSequenceIsAConcurrencyConflict() {
        String aggregate = UUID.randomUUID().toString();
        events.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 0, "created"));
        events.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 1, "first"));

        assertThatThrownBy(() -> events.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 1, "second")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> events.appendEvents(new GenericDomainEventMessage<>("Probe", aggregate, 0, "again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(events.readEvents(aggregate).asStream().<Object>map(DomainEventMessage::getPayload).toList())
                .containsExactly("created", "first");
    }

    @Test
    void readModelTokensLiveInMongoDbNotInPostgres() {
        String admin = fixtures.organisation();
        assertThat(api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.find(
                Query.query(where("processorName").is(ProcessingGroups.LINKS)), Document.class,
                ReadModelProcessingConfiguration.TOKENS_COLLECTION)).isNotEmpty());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                ProcessingGroups.LINKS)).isZero();
    }

    @Test
    void linkWritesAreGatheredByTheLinksProcessorAloneAndOnce() {
        assertThat(processing.interceptorsFor(ProcessingGroups.LINKS)).containsOnlyOnce(writes.interceptor());
        for (String processor : List.of(ProcessingGroups.TASKS, "BulkTaskSagaProcessor")) {
            assertThat(processing.interceptorsFor(processor)).as(processor).isNotEmpty()
                    .doesNotContain(writes.interceptor());
        }
    }

    @Test
    void aFailingProjectionEventIsRetriedNeverSkipped() {
        assertThat(processing.listenerInvocationErrorHandler(ProcessingGroups.LINKS))
                .isSameAs(PropagatingErrorHandler.instance());
    }
}
