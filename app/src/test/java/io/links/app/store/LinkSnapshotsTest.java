package io.links.app.store;

import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.link.LinkSnapshots;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A link with a long history takes a snapshot, its loads start from it, and what it decides afterwards is what its
 * whole history says; a snapshot of another revision of the link's fields is passed over.
 */
class LinkSnapshotsTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventStore events;

    @Test
    void aLinkOfManyEventsLoadsFromItsSnapshotAndDecidesAsItsHistorySays() {
        String key = fixtures.organisation();
        String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");
        String link = fixtures.link(key, "Pump", List.of(plan), "eu").text("id");
        assertThat(snapshots(link)).isZero();

        // each bar and unbar is an event; an odd number of them leaves 2g barred
        int changes = LinkSnapshots.EVENTS + 1;
        for (int change = 0; change < changes; change++) {
            String operation = change % 2 == 0 ? "/bar" : "/unbar";
            Api.Answer answer = api.post("/links/" + link + operation, key, Map.of("network_types", List.of("2g")));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots(link) > 0);
        assertThat(jdbc.queryForMap("SELECT payload_type, payload_revision FROM snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", link))
                .containsEntry("payload_type", "io.links.command.link.Link").containsEntry("payload_revision", "2");
        DomainEventMessage<?> first = events.readEvents(link).next();
        assertThat(first.getPayloadType().getName()).isEqualTo("io.links.command.link.Link");

        long eventsBefore = eventCount(link);
        // 2g is barred already, 3g is not: both refused, nothing recorded
        assertThat(api.post("/links/" + link + "/bar", key, Map.of("network_types", List.of("2g"))).status())
                .isEqualTo(422);
        assertThat(api.post("/links/" + link + "/unbar", key, Map.of("network_types", List.of("3g"))).status())
                .isEqualTo(422);
        assertThat(eventCount(link)).isEqualTo(eventsBefore);
        assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(422);
        assertThat(api.post("/links/" + link + "/resume", key, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/links/" + link, key).body().get("barred_network_types").toString())
                .isEqualTo("[\"2g\"]");
    }

    @Test
    void aSnapshotOfAnotherRevisionIsPassedOver() {
        String key = fixtures.organisation();
        String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");
        String link = fixtures.link(key, "Pump", List.of(plan), "eu").text("id");
        // as an earlier shape of the link's fields would have left it: it would read as a link of no organisation
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Link', ?, ?, ?, "
                + "'0', 'io.links.command.link.Link', ?)", link, 1L, UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), "{\"linkId\":\"other\"}".getBytes(StandardCharsets.UTF_8),
                Instant.now().toString());

        assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(422);
    }

    private int snapshots(String link) {
        return jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Integer.class, link);
    }

    private long eventCount(String link) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, link);
    }
}
