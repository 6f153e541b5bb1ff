package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.app.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every single-link endpoint through the whole stack, each answering the state after its own change.
 */
class LinkLifecycleApiTest extends ApiTest {

    private String admin;
    private String coverage;
    private String plan;

    @BeforeEach
    void catalog() {
        admin = fixtures.organisation();
        coverage = fixtures.coverage(admin, "DEU");
        plan = fixtures.plan(admin, coverage, "eu");
    }

    private String activeLink() {
        Api.Answer created = fixtures.link(admin, "pump", List.of(plan), "eu");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String simWithImei() {
        Api.Answer sim = api.post("/sims", admin, Map.of("iccid", Fixtures.iccid(), "msisdn", "447700900555",
                "imei", "490154203237518", "type", "physical", "compatibility_zones", List.of("eu")));
        return sim.text("id");
    }

    @Test
    void patchChangesOnlyTheFieldsPresent() {
        String link = activeLink();

        Api.Answer renamed = api.send("PATCH", "/links/" + link, admin, "application/json", "{\"name\":\"tank\"}");
        Api.Answer meta = api.send("PATCH", "/links/" + link, admin, "application/json",
                "{\"meta\":{\"site\":{\"floor\":[1,2]},\"owner.name\":\"ops\"}}");
        Api.Answer cleared = api.send("PATCH", "/links/" + link, admin, "application/json", "{\"meta\":{}}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("tank");
        assertThat(meta.text("name")).isEqualTo("tank");
        assertThat(meta.body().get("meta").get("site").get("floor").get(1).asInt()).isEqualTo(2);
        assertThat(meta.body().get("meta").get("owner.name").asText()).isEqualTo("ops");
        assertThat(cleared.body().get("meta").isEmpty()).isTrue();
        assertThat(cleared.text("name")).isEqualTo("tank");
        assertThat(api.get("/links?search=TANK", admin).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void patchRefusesBadMeta() {
        String link = activeLink();
        Map<String, Object> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, i);
        }

        Api.Answer tooMany = api.send("PATCH", "/links/" + link, admin, "application/json",
                Api.json(Map.of("meta", eleven)));
        Api.Answer tooDeep = api.send("PATCH", "/links/" + link, admin, "application/json",
                "{\"meta\":{\"a\":{\"b\":{\"c\":{\"d\":1}}}}}");
        Api.Answer notAnObject = api.send("PATCH", "/links/" + link, admin, "application/json", "{\"meta\":[1]}");
        Api.Answer unknown = api.send("PATCH", "/links/" + link, admin, "application/json", "{\"status\":\"x\"}");

        for (Api.Answer refused : List.of(tooMany, tooDeep, notAnObject, unknown)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("validation_error");
        }
        assertThat(api.get("/links/" + link, admin).body().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void suspendAndResumeFollowTheStateRules() {
        String link = activeLink();

        Api.Answer suspended = api.post("/links/" + link + "/suspend", admin, null);
        Api.Answer again = api.post("/links/" + link + "/suspend", admin, null);
        Api.Answer resumed = api.post("/links/" + link + "/resume", admin, null);
        Api.Answer resumeActive = api.post("/links/" + link + "/resume", admin, null);

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("suspended");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("detail")).contains("only an active link");
        assertThat(resumed.text("status")).isEqualTo("active");
        assertThat(resumeActive.status()).isEqualTo(422);
    }

    @Test
    void detachAttachAndDeleteFollowTheStateRules() {
        String link = activeLink();
        String otherSim = fixtures.sim(admin, "eu", "global");
        String asianSim = fixtures.sim(admin, "apac");

        Api.Answer deleteWithSim = api.delete("/links/" + link, admin);
        Api.Answer detached = api.delete("/links/" + link + "/sim", admin);
        Api.Answer wrongZones = api.post("/links/" + link + "/sim", admin, Map.of("sim_id", asianSim));
        Api.Answer attached = api.post("/links/" + link + "/sim", admin, Map.of("sim_id", otherSim));

        assertThat(deleteWithSim.status()).isEqualTo(422);
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.text("status")).isEqualTo("hold");
        assertThat(detached.body().get("sim").isNull()).isTrue();
        assertThat(detached.body().get("compatibility_zones").toString()).isEqualTo("[\"eu\"]");
        assertThat(wrongZones.status()).isEqualTo(422);
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.text("status")).isEqualTo("active");
        assertThat(attached.body().get("sim").get("id").asText()).isEqualTo(otherSim);
        assertThat(attached.body().get("compatibility_zones").toString()).isEqualTo("[\"eu\",\"global\"]");

        assertThat(api.delete("/links/" + link + "/sim", admin).status()).isEqualTo(200);
        Api.Answer deleted = api.delete("/links/" + link, admin);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(simulator.endpointDeleted(link)).as("the provider's endpoint is deleted too").isTrue();
        assertThat(api.get("/links/" + link, admin).status()).isEqualTo(410);
        assertThat(api.get("/links/" + link, admin).text("code")).isEqualTo("gone");
        assertThat(api.get("/links", admin).body().get("total").asInt()).isZero();
        assertThat(api.post("/links/" + link + "/suspend", admin, null).status()).isEqualTo(410);
        assertThat(api.delete("/plans/" + plan, admin).status()).as("activations ended with the link")
                .isEqualTo(204);
    }

    @Test
    void barAndUnbarDropTypesAlreadyInTheWantedState() {
        String link = activeLink();

        Api.Answer barred = api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of("2g", "3g")));
        Api.Answer overlap = api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of("3g", "5g")));
        Api.Answer nothing = api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of("2g")));
        Api.Answer unbarred = api.post("/links/" + link + "/unbar", admin,
                Map.of("network_types", List.of("3g", "4g")));
        Api.Answer unknown = api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of("6g")));
        Api.Answer empty = api.post("/links/" + link + "/bar", admin, Map.of("network_types", List.of()));

        assertThat(barred.body().get("barred_network_types").toString()).isEqualTo("[\"2g\",\"3g\"]");
        assertThat(overlap.body().get("barred_network_types").toString()).isEqualTo("[\"2g\",\"3g\",\"5g\"]");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(unbarred.body().get("barred_network_types").toString()).isEqualTo("[\"2g\",\"5g\"]");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).startsWith("network_types");
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void imeiLockUsesTheObservedImei() {
        String link = api.post("/links", admin, Map.of("sim_id", simWithImei())).text("id");
        String blind = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");

        Api.Answer locked = api.post("/links/" + link + "/imei-lock", admin, null);
        Api.Answer twice = api.post("/links/" + link + "/imei-lock", admin, null);
        Api.Answer noImei = api.post("/links/" + blind + "/imei-lock", admin, null);
        Api.Answer unlocked = api.delete("/links/" + link + "/imei-lock", admin);
        Api.Answer noLock = api.delete("/links/" + link + "/imei-lock", admin);

        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.text("imei_lock")).isEqualTo("490154203237518");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(noImei.status()).isEqualTo(422);
        assertThat(noImei.text("detail")).contains("no IMEI");
        assertThat(unlocked.body().get("imei_lock").isNull()).isTrue();
        assertThat(noLock.status()).isEqualTo(422);
    }

    @Test
    void activationsAreAddedListedAndRemoved() {
        String link = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
        String other = fixtures.plan(admin, coverage, "eu");

        Api.Answer first = api.post("/links/" + link + "/activations", admin, Map.of("plan_id", plan));
        Api.Answer second = api.post("/links/" + link + "/activations", admin, Map.of("plan_id", other));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("active");
        assertThat(first.text("source")).isEqualTo("manual");
        assertThat(first.body().get("plan").get("id").asText()).isEqualTo(plan);
        assertThat(first.body().get("plan").get("data_bytes").asLong()).isEqualTo(1_000_000);
        assertThat(first.body().get("usage").get("bytes_total").asLong()).isZero();
        assertThat(first.text("expires_at")).isNotNull();
        assertThat(api.get("/links/" + link, admin).text("status")).isEqualTo("active");
        assertThat(api.get("/links/" + link + "/activations", admin).ids())
                .containsExactly(second.text("id"), first.text("id"));
        assertThat(api.get("/links/" + link + "/activations?plan_id=" + other, admin).ids())
                .containsExactly(second.text("id"));

        Api.Answer removed = api.delete("/links/" + link + "/activations/" + first.text("id"), admin);
        Api.Answer again = api.delete("/links/" + link + "/activations/" + first.text("id"), admin);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(api.get("/links/" + link + "/activations", admin).ids()).containsExactly(second.text("id"));
        assertThat(api.get("/links/" + link + "/activations?status=removed", admin).status()).isEqualTo(422);
        assertThat(api.delete("/plans/" + plan, admin).status()).isEqualTo(204);
    }

    @Test
    void activationRulesAreChecked() {
        String link = activeLink();
        String farPlan = fixtures.plan(admin, coverage, "apac");

        Api.Answer zones = api.post("/links/" + link + "/activations", admin, Map.of("plan_id", farPlan));
        Api.Answer unknown = api.post("/links/" + link + "/activations", admin, Map.of("plan_id", "nope"));
        api.post("/links/" + link + "/suspend", admin, null);
        Api.Answer suspended = api.post("/links/" + link + "/activations", admin, Map.of("plan_id", plan));

        assertThat(zones.status()).isEqualTo(422);
        assertThat(zones.text("detail")).contains("do not intersect");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(suspended.status()).isEqualTo(422);
    }

    @Test
    void smsIsSentAndListedNewestFirstWithFailedAttempts() {
        String link = activeLink();

        Api.Answer sent = api.post("/links/" + link + "/sms", admin, Map.of("message", "ping"));
        simulator.smsFailureRate(1.0);
        Api.Answer failed = api.post("/links/" + link + "/sms", admin, Map.of("message", "pong"));
        simulator.smsFailureRate(0);

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.text("status")).isEqualTo("sent");
        assertThat(sent.text("message")).isEqualTo("ping");
        assertThat(sent.body().get("failure_reason").isNull()).isTrue();
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.text("code")).isEqualTo("upstream_error");
        assertThat(failed.body().get("sms").get("status").asText()).isEqualTo("failed");

        Api.Answer history = api.get("/links/" + link + "/sms", admin);
        assertThat(history.body().get("total").asInt()).isEqualTo(2);
        JsonNode newest = history.body().get("items").get(0);
        assertThat(newest.get("message").asText()).isEqualTo("pong");
        assertThat(newest.get("status").asText()).isEqualTo("failed");
        assertThat(newest.get("failure_reason").asText()).isNotBlank();
        assertThat(history.body().get("items").get(1).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void smsRulesAreChecked() {
        String preActive = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
        String link = activeLink();

        assertThat(api.post("/links/" + preActive + "/sms", admin, Map.of("message", "hi")).status()).isEqualTo(422);
        assertThat(api.post("/links/" + link + "/sms", admin, Map.of("message", "")).status()).isEqualTo(422);
        assertThat(api.post("/links/" + link + "/sms", admin, Map.of("message", "x".repeat(81))).status())
                .isEqualTo(422);
        assertThat(api.get("/links/" + link + "/sms", admin).body().get("total").asInt()).isZero();
    }

    @Test
    void aProviderThatRefusesEverythingChangesNothingLocally() {
        String active = api.post("/links", admin, Map.of("sim_id", simWithImei(), "plan_ids", List.of(plan)))
                .text("id");
        String locked = api.post("/links", admin, Map.of("sim_id", simWithImei(), "plan_ids", List.of(plan)))
                .text("id");
        assertThat(api.post("/links/" + locked + "/imei-lock", admin, null).status()).isEqualTo(200);
        assertThat(api.post("/links/" + locked + "/bar", admin, Map.of("network_types", List.of("3g"))).status())
                .isEqualTo(200);
        String suspended = activeLink();
        assertThat(api.post("/links/" + suspended + "/suspend", admin, null).status()).isEqualTo(200);
        String onHold = activeLink();
        assertThat(api.delete("/links/" + onHold + "/sim", admin).status()).isEqualTo(200);
        String emptyHold = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
        assertThat(api.delete("/links/" + emptyHold + "/sim", admin).status()).isEqualTo(200);
        String spareSim = fixtures.sim(admin, "eu");
        String other = fixtures.plan(admin, coverage, "eu");
        String activation = api.get("/links/" + active + "/activations", admin).ids().get(0);
        List<String> links = List.of(active, locked, suspended, onHold, emptyHold);
        Map<String, JsonNode> before = listed(links);
        simulator.failureRate(1.0);

        List<Api.Answer> answers = new ArrayList<>();
        answers.add(api.post("/links/" + active + "/suspend", admin, null));
        answers.add(api.post("/links/" + suspended + "/resume", admin, null));
        answers.add(api.post("/links/" + active + "/bar", admin, Map.of("network_types", List.of("2g"))));
        answers.add(api.post("/links/" + locked + "/unbar", admin, Map.of("network_types", List.of("3g"))));
        answers.add(api.post("/links/" + active + "/imei-lock", admin, null));
        answers.add(api.delete("/links/" + locked + "/imei-lock", admin));
        answers.add(api.post("/links/" + active + "/activations", admin, Map.of("plan_id", other)));
        answers.add(api.delete("/links/" + active + "/activations/" + activation, admin));
        answers.add(api.delete("/links/" + active + "/sim", admin));
        answers.add(api.post("/links/" + onHold + "/sim", admin, Map.of("sim_id", spareSim)));
        answers.add(api.delete("/links/" + emptyHold, admin));
        answers.add(api.post("/links", admin, Map.of("sim_id", spareSim, "plan_ids", List.of(plan))));
        answers.add(api.post("/links/" + active + "/sms", admin, Map.of("message", "hi")));

        for (Api.Answer answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
            assertThat(answer.text("code")).isEqualTo("upstream_error");
        }
        simulator.failureRate(0);
        upstream.reset();
        Map<String, JsonNode> after = listed(links);
        for (String link : links) {
            long extra = link.equals(active) ? 1 : 0;
            assertThat(after.get(link).get("version").asLong()).as("version of %s: only the SMS attempt counts", link)
                    .isEqualTo(before.get(link).get("version").asLong() + extra);
            for (String field : List.of("status", "sim", "barred_network_types", "imei_lock", "usage")) {
                assertThat(after.get(link).get(field)).as("%s of %s", field, link)
                        .isEqualTo(before.get(link).get(field));
            }
        }
        assertThat(api.get("/links/" + active + "/activations", admin).ids()).containsExactly(activation);
        assertThat(api.get("/links", admin).body().get("total").asInt()).isEqualTo(links.size());
        assertThat(api.get("/sims/" + spareSim, admin).text("link_id")).as("the spare SIM is still free").isNull();
        assertThat(simulator.endpointDeleted(emptyHold)).isFalse();
        assertThat(api.post("/links/" + onHold + "/sim", admin, Map.of("sim_id", spareSim)).status())
                .isEqualTo(200);
    }

    /** The links as the listing shows them, which is the read model as it is, without a live network refresh. */
    private Map<String, JsonNode> listed(List<String> links) {
        Map<String, JsonNode> found = new HashMap<>();
        api.get("/links?page_size=200", admin).body().get("items")
                .forEach(item -> found.put(item.get("id").asText(), item));
        assertThat(found).containsOnlyKeys(links);
        return found;
    }

    @Test
    void readingAnActiveLinkRefreshesItsNetworkStatusLive() {
        String link = activeLink();

        Api.Answer read = api.get("/links/" + link, admin);

        JsonNode network = read.body().get("network_status");
        assertThat(network.get("connected").asBoolean()).isTrue();
        assertThat(network.get("country").asText()).isEqualTo("DEU");
        assertThat(network.get("network_type").asText()).isEqualTo("5g");
        assertThat(network.get("stale").asBoolean()).isFalse();
        assertThat(network.get("refreshed_at").asText()).endsWith("Z");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/links?network_connected=true&network_country=DEU", admin).ids()).containsExactly(link));
    }

    @Test
    void aFailingProviderGivesTheLastKnownNetworkStatusMarkedStale() {
        String link = activeLink();
        JsonNode live = api.get("/links/" + link, admin).body().get("network_status");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/links?network_connected=true", admin).ids()).containsExactly(link));
        simulator.failureRate(1.0);

        Api.Answer read = api.get("/links/" + link, admin);

        assertThat(read.status()).isEqualTo(200);
        JsonNode network = read.body().get("network_status");
        assertThat(network.get("stale").asBoolean()).isTrue();
        assertThat(network.get("connected").asBoolean()).isTrue();
        assertThat(network.get("country").asText()).isEqualTo("DEU");
        assertThat(network.get("observed_at").asText()).isEqualTo(live.get("refreshed_at").asText());
    }

    @Test
    void aLinkThatIsNotActiveIsNotRefreshed() {
        String link = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");

        JsonNode network = api.get("/links/" + link, admin).body().get("network_status");

        assertThat(network.get("refreshed_at").isNull()).isTrue();
        assertThat(network.get("stale").asBoolean()).isFalse();
    }

    @Test
    void anotherOrganisationsLinkIsNotFoundForEveryOperation() {
        String link = activeLink();
        String stranger = fixtures.organisation();

        assertThat(api.post("/links/" + link + "/suspend", stranger, null).status()).isEqualTo(404);
        assertThat(api.delete("/links/" + link + "/sim", stranger).status()).isEqualTo(404);
        assertThat(api.get("/links/" + link + "/sms", stranger).status()).isEqualTo(404);
        assertThat(api.get("/links/" + link + "/activations", stranger).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/links/" + link, stranger, "application/json", "{\"name\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/links/no-such-link/suspend", admin, null).status()).isEqualTo(404);
    }

}
