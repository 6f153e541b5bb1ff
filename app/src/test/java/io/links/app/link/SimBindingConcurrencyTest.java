package io.links.app.link;

import io.links.api.link.SimAttached;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.app.support.Concurrently;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIM rule under concurrent requests: a SIM is bound to at most one link, whatever races for it.
 */
class SimBindingConcurrencyTest extends ApiTest {

    private static final int LINKS = 20;

    @Autowired
    private EventStorageEngine events;

    @Test
    void twentyConcurrentAttachesOfOneSimLetExactlyOneWin() throws Exception {
        String admin = fixtures.organisation();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            String link = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
            assertThat(api.delete("/links/" + link + "/sim", admin).status()).isEqualTo(200);
            links.add(link);
        }
        String contested = fixtures.sim(admin, "eu");

        List<Api.Answer> answers = Concurrently.all(links.stream().<Callable<Api.Answer>>map(link ->
                () -> api.post("/links/" + link + "/sim", admin, Map.of("sim_id", contested))).toList());

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isBetween(400, 499));
        long claims = links.stream()
                .flatMap(link -> events.readEvents(link).asStream())
                .map(DomainEventMessage::getPayload)
                .filter(payload -> payload instanceof SimAttached attached && attached.sim().id().equals(contested))
                .count();
        assertThat(claims).as("links whose events claim the SIM").isEqualTo(1);
        String winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow()
                .text("id");
        assertThat(api.get("/sims/" + contested, admin).text("link_id")).isEqualTo(winner);
    }

    @Test
    void concurrentCommandsOnOneLinkNeverFailWithAServerError() throws Exception {
        String admin = fixtures.organisation();
        String plan = fixtures.plan(admin, fixtures.coverage(admin, "DEU"), "eu");
        String link = fixtures.link(admin, "busy", List.of(plan), "eu").text("id");
        List<Callable<Api.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.post("/links/" + link + "/suspend", admin, null));
            calls.add(() -> api.post("/links/" + link + "/resume", admin, null));
            calls.add(() -> api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of("2g"))));
            calls.add(() -> api.send("PATCH", "/links/" + link, admin, "application/json", "{\"name\":\"n\"}"));
        }

        List<Api.Answer> answers = Concurrently.all(calls);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString())
                .isIn(200, 409, 422));
        assertThat(answers).filteredOn(answer -> answer.status() == 200).isNotEmpty();
    }
}
