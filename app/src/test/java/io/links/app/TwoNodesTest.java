package io.links.app;

import io.links.app.support.Api;
import io.links.app.support.Concurrently;
import io.links.app.support.Fixtures;
import io.links.app.support.ServiceProcess;
import io.links.app.support.StoredEvents;
import io.links.app.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service nodes on the same stores, as in a scaled-out deployment: the rules that no single process can
 * guard with its own locks hold across nodes too.
 */
class TwoNodesTest {

    private static ServiceProcess first;
    private static ServiceProcess second;
    private static Map<String, String> stores;

    @BeforeAll
    static void startBoth() {
        first = new ServiceProcess(TestStores.newDataDir()).start();
        stores = first.sharedStores();
        second = new ServiceProcess(TestStores.newDataDir());
        stores.forEach(second::with);
        second.start();
    }

    @AfterAll
    static void stopBoth() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aSimContestedFromBothNodesIsBoundToExactlyOneLink() throws Exception {
        Api a = first.api();
        Api b = second.api();
        Fixtures fixtures = new Fixtures(a);
        String admin = fixtures.organisation();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String link = a.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
            assertThat(a.delete("/links/" + link + "/sim", admin).status()).isEqualTo(200);
            links.add(link);
        }
        String contested = fixtures.sim(admin, "eu");
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Api node = i % 2 == 0 ? a : b;
            String link = links.get(i);
            calls.add(() -> node.post("/links/" + link + "/sim", admin, Map.of("sim_id", contested)));
        }

        List<Api.Answer> answers = Concurrently.all(calls);

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isBetween(400, 499));
        assertThat(new StoredEvents(stores).mentioning("%SimAttached", contested)).as("events that bind the SIM")
                .isEqualTo(1);
        String winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                .text("id");
        assertThat(b.get("/sims/" + contested, admin).text("link_id")).isEqualTo(winner);
    }

    @Test
    void commandsRacingOnOneLinkFromBothNodesEachSucceedOrConflictNeverHalfDone() throws Exception {
        Api a = first.api();
        Api b = second.api();
        Fixtures fixtures = new Fixtures(a);
        String admin = fixtures.organisation();
        String link = a.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api node = i % 2 == 0 ? a : b;
            String body = "{\"name\":\"rename " + i + "\"}";
            calls.add(() -> node.send("PATCH", "/links/" + link, admin, "application/json", body));
        }

        List<Api.Answer> answers = Concurrently.all(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString())
                .isIn(200, 409));
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .allSatisfy(answer -> assertThat(answer.text("code")).isEqualTo("conflict"));
        long renamed = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(renamed).isPositive();
        assertThat(new StoredEvents(stores).mentioning("%LinkRenamed", link))
                .as("a rename event for every success, none for a conflict")
                .isEqualTo(renamed);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                b.get("/links/" + link, admin).body().get("version").asLong()).isEqualTo(1 + renamed));
    }
}
