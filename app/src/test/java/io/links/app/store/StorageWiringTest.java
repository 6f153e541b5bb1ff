package io.links.app.store;

import io.links.api.link.LinkCreated;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.query.config.ProcessingGroups;
import io.links.query.config.ReadModelProcessingConfiguration;
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
    void aFailingProjectionEventIsRetriedNeverSkipped() {
        assertThat(processing.listenerInvocationErrorHandler(ProcessingGroups.LINKS))
                .isSameAs(PropagatingErrorHandler.instance());
    }
}
