package io.links.app;

import io.links.app.support.Api;
import io.links.app.support.Fixtures;
import io.links.app.support.ServiceProcess;
import io.links.app.support.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service, started as the README starts it: with the jar's class path alone, which the other tests do
 * not have (theirs holds the test libraries too). It starts on its stores and takes commands.
 */
class PackagedServiceIT {

    private static final Path JAR = Path.of("target", "links-service.jar");

    @Test
    void theJarStartsAndItsLinksTakeCommands() {
        assertThat(JAR).as("the packaged service; this test runs after the package phase").exists();
        try (ServiceProcess service = ServiceProcess.packaged(JAR, TestStores.newDataDir()).start()) {
            Api api = service.api();
            Fixtures fixtures = new Fixtures(api);
            String key = fixtures.organisation();
            String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");

            Api.Answer created = fixtures.link(key, "Pump", List.of(plan), "eu");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.text("status")).isEqualTo("active");
            String link = created.text("id");
            assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(200);
            assertThat(api.post("/links/" + link + "/suspend", key, Map.of()).status()).isEqualTo(422);
            Api.Answer bulk = api.post("/links/bulk/resume", key, Map.of("link_ids", List.of(link)));
            assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
        }
    }
}
