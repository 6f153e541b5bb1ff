package io.links.app.web;

import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.upstream.ProviderSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retried SMS or activation with the same Idempotency-Key has no second effect, locally or at the provider.
 */
class IdempotentLinkOperationsTest extends ApiTest {

    @Autowired
    private ProviderSimulator simulator;

    @Test
    void aRetriedSmsIsSentOnce() {
        String admin = fixtures.organisation();
        String plan = fixtures.plan(admin, fixtures.coverage(admin, "DEU"), "eu");
        Api.Answer link = fixtures.link(admin, "meter", List.of(plan), "eu");
        String path = "/links/" + link.text("id") + "/sms";
        Map<String, String> key = Map.of("Idempotency-Key", "sms-retry-1");

        Api.Answer first = api.send("POST", path, admin, "application/json", "{\"message\":\"reboot\"}", key);
        Api.Answer retry = api.send("POST", path, admin, "application/json", "{\"message\":\"reboot\"}", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(path, admin).body().get("total").asInt()).isEqualTo(1);
        String iccid = link.body().get("sim").get("iccid").asText();
        assertThat(simulator.state(iccid).orElseThrow().sms()).hasSize(1);
        assertThat(api.get("/links/" + link.text("id"), admin).body().get("version").asLong())
                .isEqualTo(link.body().get("version").asLong() + 1);
    }

    @Test
    void aRetriedActivationActivatesOnce() {
        String admin = fixtures.organisation();
        String plan = fixtures.plan(admin, fixtures.coverage(admin, "DEU"), "eu");
        String link = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
        String path = "/links/" + link + "/activations";
        Map<String, String> key = Map.of("Idempotency-Key", "activation-retry-1");
        String body = Api.json(Map.of("plan_id", plan));

        Api.Answer first = api.send("POST", path, admin, "application/json", body, key);
        Api.Answer retry = api.send("POST", path, admin, "application/json", body, key);
        Api.Answer otherBody = api.send("POST", path, admin, "application/json",
                Api.json(Map.of("plan_id", "other")), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(api.get(path, admin).body().get("total").asInt()).isEqualTo(1);
    }
}
