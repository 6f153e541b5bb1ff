package io.links.app.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.Fixtures;
import io.links.app.support.ServiceProcess;
import io.links.app.support.StoredEvents;
import io.links.app.support.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2,000-item bulk task survives SIGKILL of its service at two points of its run: started again on the same data,
 * the task completes with every item counted exactly once, and the event store shows every link changed once.
 */
class BulkRestartTest {

    private static final int LINKS = 2_000;

    @Test
    void aTaskKilledTwiceMidwayCompletesWithEveryItemOnce() throws Exception {
        Path dataDir = TestStores.newDataDir();
        String key;
        List<String> links;
        String task;
        try (ServiceProcess service = slowed(new ServiceProcess(dataDir)).start()) {
            Api api = service.api();
            Fixtures fixtures = new Fixtures(api);
            key = fixtures.organisation();
            String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");
            links = fixtures.activeLinks(key, plan, LINKS);

            task = api.post("/links/bulk/suspend", key, Map.of("link_ids", links)).text("id");
            killOnceDone(service, key, task, LINKS / 5);
        }
        try (ServiceProcess service = slowed(new ServiceProcess(dataDir)).start()) {
            killOnceDone(service, key, task, LINKS * 3 / 5);
        }
        try (ServiceProcess service = slowed(new ServiceProcess(dataDir)).start()) {
            Api api = service.api();

            JsonNode done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("/tasks/" + task, key), answer -> answer.status() == 200
                            && "completed".equals(answer.text("status"))).body();

            assertThat(done.get("total_items").asInt()).isEqualTo(LINKS);
            assertThat(done.get("completed_items").asInt()).as(done.toString()).isEqualTo(LINKS);
            assertThat(done.get("failed_items").asInt()).isZero();
            assertThat(done.get("pending_items").asInt()).isZero();
            assertThat(done.get("cancelled_items").asInt()).isZero();
            assertThat(api.get("/tasks/" + task + "/items?status=completed", key).body().get("total").asInt())
                    .isEqualTo(LINKS);
            StoredEvents events = new StoredEvents(service.sharedStores());
            Map<String, Long> suspensions = events.perAggregate("%.LinkSuspended");
            assertThat(suspensions).as("links suspended").hasSize(LINKS).containsOnlyKeys(links);
            assertThat(suspensions.values()).as("suspensions per link").containsOnly(1L);
            assertThat(events.perAggregate("%.LinkSuspended", "\"bulk_task_id\":\"" + task + "\""))
                    .as("suspensions naming the task").isEqualTo(suspensions);
            // the read models started empty after the kill and are rebuilt from the events, the links' too
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                    api.get("/links?status=suspended", key).body().get("total").asInt()).isEqualTo(LINKS));
        }
    }

    /** A provider that takes its time and few items at once, so that the task runs long enough to be killed. */
    private static ServiceProcess slowed(ServiceProcess service) {
        return service.with("LINKS_UPSTREAM_LATENCY", "30ms").with("LINKS_BULK_CONCURRENCY", "4");
    }

    /** Waits until at least {@code items} items of the task are done, then kills the service. */
    private static void killOnceDone(ServiceProcess service, String key, String task, int items) {
        Api api = service.api();
        // right after a restart the task may be missing from the read model until the projection caught up
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/tasks/" + task, key), answer -> answer.status() == 200
                        && answer.body().get("completed_items").asInt() >= items);
        service.kill();
    }
}
