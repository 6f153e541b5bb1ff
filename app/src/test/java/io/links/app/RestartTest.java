package io.links.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.Fixtures;
import io.links.app.support.ServiceProcess;
import io.links.app.support.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service killed with SIGKILL and started again on the same data loses nothing, and cleans up after itself:
 * with the embedded store, the PostgreSQL server the killed process left running is stopped and replaced.
 */
class RestartTest {

    @Test
    void aKilledServiceStartsAgainOnItsDataWithEverythingKept() throws Exception {
        Path dataDir = TestStores.newDataDir();
        String linkId;
        String simId;
        String key;

        try (ServiceProcess first = new ServiceProcess(dataDir).start()) {
            Api api = first.api();
            Fixtures fixtures = new Fixtures(api);
            key = fixtures.organisation();
            String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");
            Api.Answer created = fixtures.link(key, "survivor", List.of(plan), "eu");
            assertThat(created.status()).isEqualTo(201);
            linkId = created.text("id");
            simId = created.body().get("sim").get("id").asText();

            first.kill();
        }

        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        long orphanPid = -1;
        if (!TestStores.containers()) {
            assertThat(pidFile).as("the killed service left its PostgreSQL server running").exists();
            orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            assertThat(ProcessHandle.of(orphanPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        }

        try (ServiceProcess second = new ServiceProcess(dataDir).start()) {
            Api api = second.api();

            // the embedded read-model store may have lost its last writes to the kill, together with the token
            // that covered them; the projection then rebuilds them from the event store
            // read through the listing, which shows the read model as it is: reading the link by id asks the
            // provider for its network status and may record an observation
            JsonNode link = await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/links?search=" + linkId, key).body().get("items"),
                            items -> items.size() == 1 && items.get(0).get("version").asLong() == 2).get(0);
            assertThat(link.get("name").asText()).isEqualTo("survivor");
            assertThat(link.get("status").asText()).isEqualTo("active");
            assertThat(api.get("/links/" + linkId, key).text("name")).isEqualTo("survivor");
            assertThat(api.get("/sims/" + simId, key).text("link_id")).isEqualTo(linkId);
            assertThat(api.post("/links", key, Map.of("sim_id", simId)).status()).isEqualTo(422);
            assertThat(api.get("/links", key).body().get("total").asInt()).isEqualTo(1);

            if (orphanPid > 0) {
                assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
                assertThat(second.logText()).contains("left running on");
            }
        }
    }
}
