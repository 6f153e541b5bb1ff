package io.links.app.web;

import io.links.api.link.PlanActivated;
import io.links.api.link.SmsFailed;
import io.links.api.link.SmsSent;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.upstream.SimState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
    private EventStorageEngine events;

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
        Api.Answer created = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu")));
        String link = created.text("id");
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
        String iccid = created.body().get("sim").get("iccid").asText();
        assertThat(simulator.state(iccid).orElseThrow().activationIds()).containsExactly(first.text("id"));
        assertThat(payloads(link)).filteredOn(PlanActivated.class::isInstance).hasSize(1)
                .allSatisfy(activated -> assertThat(((PlanActivated) activated).activationId())
                        .isEqualTo(first.text("id")));
    }

    @Test
    void theSameKeyWithAnotherMessageSendsNoSms() {
        String admin = fixtures.organisation();
        String plan = fixtures.plan(admin, fixtures.coverage(admin, "DEU"), "eu");
        Api.Answer link = fixtures.link(admin, "meter", List.of(plan), "eu");
        String path = "/links/" + link.text("id") + "/sms";
        Map<String, String> key = Map.of("Idempotency-Key", "sms-other-body-1");
        Api.Answer first = api.send("POST", path, admin, "application/json", "{\"message\":\"reboot\"}", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        List<Object> before = payloads(link.text("id"));

        Api.Answer otherBody = api.send("POST", path, admin, "application/json", "{\"message\":\"shut down\"}",
                key);

        assertMismatch(otherBody);
        String iccid = link.body().get("sim").get("iccid").asText();
        assertThat(simulator.state(iccid).orElseThrow().sms()).extracting(SimState.Sms::message)
                .containsExactly("reboot");
        assertThat(payloads(link.text("id"))).isEqualTo(before);
        assertThat(before).filteredOn(payload -> payload instanceof SmsSent || payload instanceof SmsFailed)
                .hasSize(1);
        assertThat(api.get(path, admin).ids()).containsExactly(first.text("id"));
    }

    @Test
    void theSameKeyWithAnotherPlanActivatesNothing() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String plan = fixtures.plan(admin, coverage, "eu");
        // a plan the link could take: only the key's reuse can refuse it
        String otherPlan = fixtures.plan(admin, coverage, "eu");
        Api.Answer created = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu")));
        String link = created.text("id");
        String path = "/links/" + link + "/activations";
        Map<String, String> key = Map.of("Idempotency-Key", "activation-other-body-1");
        Api.Answer first = api.send("POST", path, admin, "application/json", Api.json(Map.of("plan_id", plan)), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        List<Object> before = payloads(link);

        Api.Answer otherBody = api.send("POST", path, admin, "application/json",
                Api.json(Map.of("plan_id", otherPlan)), key);

        assertMismatch(otherBody);
        // the SIM from the create answer: reading the link would refresh its network status and record an event
        String iccid = created.body().get("sim").get("iccid").asText();
        assertThat(simulator.state(iccid).orElseThrow().activations()).containsExactly(Map.entry(first.text("id"),
                plan));
        assertThat(payloads(link)).isEqualTo(before);
        assertThat(before).filteredOn(PlanActivated.class::isInstance).hasSize(1);
        assertThat(api.get(path, admin).ids()).containsExactly(first.text("id"));
        Api.Answer unkeyed = api.post(path, admin, Map.of("plan_id", otherPlan));
        assertThat(unkeyed.status()).as("the other plan itself is fine: " + unkeyed).isEqualTo(201);
    }

    private static void assertMismatch(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.text("code")).isEqualTo("validation_error");
        assertThat(answer.text("detail")).contains("Idempotency-Key").contains("different request");
        assertThat(answer.header("Idempotent-Replayed")).isNull();
    }

    /** The payloads of the link's stored events, oldest first. */
    private List<Object> payloads(String linkId) {
        return events.readEvents(linkId).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }
}
