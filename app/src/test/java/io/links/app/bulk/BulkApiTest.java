package io.links.app.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
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
 * Every bulk operation through the whole stack, with valid, invalid and unknown links mixed: each item mirrors its
 * single-link endpoint, a failing item never stops the rest, and the counters add up.
 */
class BulkApiTest extends ApiTest {

    private String admin;
    private String coverage;
    private String plan;

    @BeforeEach
    void catalog() {
        admin = fixtures.organisation();
        coverage = fixtures.coverage(admin, "DEU");
        plan = fixtures.plan(admin, coverage, "eu");
    }

    private String active() {
        return fixtures.link(admin, "active", List.of(plan), "eu").text("id");
    }

    private String preActive() {
        return api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu"))).text("id");
    }

    private String suspended() {
        String link = active();
        assertThat(api.post("/links/" + link + "/suspend", admin, null).status()).isEqualTo(200);
        return link;
    }

    private String onHold() {
        String link = active();
        assertThat(api.delete("/links/" + link + "/sim", admin).status()).isEqualTo(200);
        return link;
    }

    /** Starts the task and waits for it to end; answers the ended task. */
    private JsonNode run(String operation, Map<String, Object> body) {
        Api.Answer accepted = api.post("/links/bulk/" + operation, admin, body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/tasks/" + accepted.text("id"));
        assertThat(accepted.text("type")).isEqualTo(operation);
        String task = accepted.text("id");
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/tasks/" + task, admin).body(),
                view -> "completed".equals(view.get("status").asText()));
    }

    private Map<String, JsonNode> items(String task) {
        Map<String, JsonNode> items = new HashMap<>();
        api.get("/tasks/" + task + "/items?page_size=200", admin).body().get("items")
                .forEach(item -> items.put(item.get("link_id").asText(), item));
        return items;
    }

    private static void counted(JsonNode task, int total, int completed, int failed) {
        assertThat(task.get("total_items").asInt()).isEqualTo(total);
        assertThat(task.get("completed_items").asInt()).isEqualTo(completed);
        assertThat(task.get("failed_items").asInt()).isEqualTo(failed);
        assertThat(task.get("pending_items").asInt()).isZero();
        assertThat(task.get("cancelled_items").asInt()).isZero();
    }

    private static void failedWith(JsonNode item, String code, String reason) {
        assertThat(item.get("status").asText()).isEqualTo("failed");
        assertThat(item.get("error_code").asText()).isEqualTo(code);
        assertThat(item.get("error_message").asText()).contains(reason);
    }

    @Test
    void suspendSuspendsTheActiveLinksAndRecordsWhyTheOthersFailed() {
        String first = active();
        String second = active();
        String already = suspended();
        String hold = onHold();

        JsonNode task = run("suspend", Map.of("link_ids", List.of(first, already, "no-such-link", second, hold)));

        counted(task, 5, 2, 3);
        Map<String, JsonNode> items = items(task.get("id").asText());
        assertThat(items.get(first).get("status").asText()).isEqualTo("completed");
        assertThat(items.get(second).get("status").asText()).isEqualTo("completed");
        failedWith(items.get(already), "validation_error", "only an active link can be suspended");
        failedWith(items.get(hold), "validation_error", "only an active link can be suspended");
        failedWith(items.get("no-such-link"), "not_found", "no-such-link");
        assertThat(api.get("/links/" + first, admin).text("status")).isEqualTo("suspended");
        assertThat(api.get("/links/" + second, admin).text("status")).isEqualTo("suspended");
    }

    @Test
    void resumeResumesTheSuspendedLinks() {
        String paused = suspended();
        String running = active();

        JsonNode task = run("resume", Map.of("link_ids", List.of(paused, running)));

        counted(task, 2, 1, 1);
        assertThat(api.get("/links/" + paused, admin).text("status")).isEqualTo("active");
        failedWith(items(task.get("id").asText()).get(running), "validation_error", "only a suspended link");
    }

    @Test
    void delinkDetachesTheSimsAndFreesThem() {
        String withSim = active();
        String sim = api.get("/links/" + withSim, admin).body().get("sim").get("id").asText();
        String hold = onHold();

        JsonNode task = run("delink", Map.of("link_ids", List.of(withSim, hold)));

        counted(task, 2, 1, 1);
        assertThat(api.get("/links/" + withSim, admin).text("status")).isEqualTo("hold");
        assertThat(api.get("/sims/" + sim, admin).text("link_id")).isNull();
        failedWith(items(task.get("id").asText()).get(hold), "validation_error", "no SIM bound");
    }

    @Test
    void deleteDeletesLinksOnHoldAndRefusesThoseWithASim() {
        String hold = onHold();
        String withSim = active();
        String otherOrganisations = new io.links.app.support.Fixtures(api).link(fixtures.organisation(), "x",
                List.of(), "eu").text("id");

        JsonNode task = run("delete", Map.of("link_ids", List.of(hold, withSim, otherOrganisations)));

        counted(task, 3, 1, 2);
        assertThat(api.get("/links/" + hold, admin).status()).isEqualTo(410);
        Map<String, JsonNode> items = items(task.get("id").asText());
        failedWith(items.get(withSim), "validation_error", "detach the SIM first");
        failedWith(items.get(otherOrganisations), "not_found", otherOrganisations);
    }

    @Test
    void activatePlanActivatesOnLinksThatTakeItAndExplainsTheRest() {
        String waiting = preActive();
        String running = active();
        String paused = suspended();
        String asian = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "apac"))).text("id");
        String other = fixtures.plan(admin, coverage, "eu");

        JsonNode task = run("activate-plan", Map.of("link_ids", List.of(waiting, running, paused, asian),
                "plan_id", other));

        counted(task, 4, 2, 2);
        assertThat(api.get("/links/" + waiting, admin).text("status")).isEqualTo("active");
        assertThat(api.get("/links/" + running + "/activations?plan_id=" + other, admin).ids()).hasSize(1);
        Map<String, JsonNode> items = items(task.get("id").asText());
        failedWith(items.get(paused), "validation_error", "pre-active or active");
        failedWith(items.get(asian), "validation_error", "zones");
    }

    @Test
    void removePlanRemovesEveryActivationOfThePlanAndFailsWhereThereIsNone() {
        String twice = active();
        assertThat(api.post("/links/" + twice + "/activations", admin, Map.of("plan_id", plan)).status())
                .isEqualTo(201);
        String none = preActive();

        JsonNode task = run("remove-plan", Map.of("link_ids", List.of(twice, none), "plan_id", plan));

        counted(task, 2, 1, 1);
        assertThat(api.get("/links/" + twice + "/activations", admin).ids()).isEmpty();
        failedWith(items(task.get("id").asText()).get(none), "validation_error", "no active activation of plan");
    }

    @Test
    void aFilterChoosesTheLinksAsTheListingWould() {
        String first = active();
        String second = active();
        String paused = suspended();

        JsonNode task = run("suspend", Map.of("filter", Map.of("status", List.of("active"))));

        counted(task, 2, 2, 0);
        assertThat(items(task.get("id").asText())).containsOnlyKeys(first, second);
        assertThat(api.get("/links?status=suspended", admin).ids()).containsExactlyInAnyOrder(first, second, paused);
    }

    @Test
    void aDryRunTellsWhatWouldHappenAndChangesNothing() {
        String running = active();
        String paused = suspended();
        long tasksBefore = api.get("/tasks", admin).body().get("total").asLong();

        Api.Answer dry = api.post("/links/bulk/suspend", admin, Map.of("link_ids", List.of(running, paused,
                "nope"), "dry_run", true));

        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.body().get("dry_run").asBoolean()).isTrue();
        assertThat(dry.body().get("would_succeed").asInt()).isEqualTo(1);
        assertThat(dry.body().get("would_fail").asInt()).isEqualTo(2);
        List<String> outcomes = new ArrayList<>();
        dry.body().get("items").forEach(item -> outcomes.add(item.get("link_id").asText() + " "
                + item.get("outcome").asText() + " " + item.get("error_code").asText()));
        assertThat(outcomes).containsExactly(running + " would_succeed null", paused + " would_fail validation_error",
                "nope would_fail not_found");
        assertThat(api.get("/links/" + running, admin).text("status")).isEqualTo("active");
        assertThat(api.get("/tasks", admin).body().get("total").asLong()).isEqualTo(tasksBefore);
    }

    @Test
    void badRequestsAre422AndCreateNoTask() {
        String link = active();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add("link-" + i);
        }
        List<Map<String, Object>> bodies = List.of(
                Map.of("link_ids", List.of()),
                Map.of("link_ids", List.of(link, link)),
                Map.of("link_ids", tooMany),
                Map.of(),
                Map.of("link_ids", List.of(link), "filter", Map.of("status", "active")),
                Map.of("filter", Map.of("colour", "red")),
                Map.of("filter", Map.of("status", "sleeping")),
                Map.of("filter", Map.of("network_country", "XYZ")));

        for (Map<String, Object> body : bodies) {
            Api.Answer refused = api.post("/links/bulk/suspend", admin, body);
            assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("validation_error");
        }
        Api.Answer noPlan = api.post("/links/bulk/activate-plan", admin, Map.of("link_ids", List.of(link)));
        Api.Answer unknownPlan = api.post("/links/bulk/remove-plan", admin, Map.of("link_ids", List.of(link),
                "plan_id", "no-such-plan"));
        Api.Answer planNotTaken = api.post("/links/bulk/suspend", admin, Map.of("link_ids", List.of(link),
                "plan_id", plan));
        Api.Answer filterMatchesNothing = api.post("/links/bulk/resume", admin,
                Map.of("filter", Map.of("status", "suspended")));
        for (Api.Answer refused : List.of(noPlan, unknownPlan, planNotTaken, filterMatchesNothing)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asText()).isIn("plan_id", "filter");
        }
        assertThat(api.post("/links/bulk/teleport", admin, Map.of("link_ids", List.of(link))).status())
                .isEqualTo(404);
        assertThat(api.get("/tasks", admin).body().get("total").asInt()).isZero();
        assertThat(api.get("/links/" + link, admin).text("status")).isEqualTo("active");
    }

    @Test
    void aCancelledTaskStartsNoFurtherItemAndItsCountersAddUp() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            links.add(active());
        }
        simulator.latency(Duration.ofMillis(150));

        Api.Answer accepted = api.post("/links/bulk/suspend", admin, Map.of("link_ids", links));
        String task = accepted.text("id");
        Api.Answer cancelled = api.post("/tasks/" + task + "/cancel", admin, null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        JsonNode ended = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/tasks/" + task, admin).body(),
                view -> view.get("pending_items").asInt() == 0);
        assertThat(ended.get("status").asText()).isEqualTo("cancelled");
        int completed = ended.get("completed_items").asInt();
        int skipped = ended.get("cancelled_items").asInt();
        assertThat(completed + ended.get("failed_items").asInt() + skipped).isEqualTo(60);
        assertThat(skipped).as("items never started").isPositive();
        Map<String, JsonNode> items = items(task);
        for (String link : links) {
            String expected = "completed".equals(items.get(link).get("status").asText()) ? "suspended" : "active";
            assertThat(api.get("/links?search=" + link, admin).body().get("items").get(0).get("status").asText())
                    .as("link %s, item %s", link, items.get(link)).isEqualTo(expected);
        }
        assertThat(api.post("/tasks/" + task + "/cancel", admin, null).status()).as("cancelling again")
                .isEqualTo(200);
    }

    @Test
    void aCompletedTaskCannotBeCancelled() {
        String task = run("suspend", Map.of("link_ids", List.of(active()))).get("id").asText();

        Api.Answer refused = api.post("/tasks/" + task + "/cancel", admin, null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("validation_error");
        assertThat(api.post("/tasks/no-such-task/cancel", admin, null).status()).isEqualTo(404);
    }

    @Test
    void aRetriedRequestWithItsIdempotencyKeyStartsOneTask() {
        String link = active();
        String body = Api.json(Map.of("link_ids", List.of(link)));

        Api.Answer first = api.send("POST", "/links/bulk/suspend", admin, "application/json", body,
                Map.of("Idempotency-Key", "bulk-1"));
        Api.Answer again = api.send("POST", "/links/bulk/suspend", admin, "application/json", body,
                Map.of("Idempotency-Key", "bulk-1"));
        Api.Answer otherBody = api.send("POST", "/links/bulk/resume", admin, "application/json", body,
                Map.of("Idempotency-Key", "bulk-1"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(api.get("/tasks", admin).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void tasksAreListedNewestFirstAndFilteredByStatusAndType() {
        String link = active();
        String suspendTask = run("suspend", Map.of("link_ids", List.of(link))).get("id").asText();
        String resumeTask = run("resume", Map.of("link_ids", List.of(link))).get("id").asText();

        assertThat(api.get("/tasks", admin).ids()).containsExactly(resumeTask, suspendTask);
        assertThat(api.get("/tasks?type=suspend", admin).ids()).containsExactly(suspendTask);
        assertThat(api.get("/tasks?status=completed&type=resume&type=suspend", admin).ids()).hasSize(2);
        assertThat(api.get("/tasks?status=in_progress", admin).ids()).isEmpty();
        assertThat(api.get("/tasks?status=done", admin).status()).isEqualTo(422);
        assertThat(api.get("/tasks/" + suspendTask + "/items?status=completed", admin).body().get("total").asInt())
                .isEqualTo(1);
        assertThat(api.get("/tasks/" + suspendTask + "/items?status=failed", admin).body().get("total").asInt())
                .isZero();
        assertThat(api.get("/tasks/" + suspendTask + "/items?status=broken", admin).status()).isEqualTo(422);
        assertThat(api.get("/tasks/" + suspendTask, fixtures.organisation()).status()).isEqualTo(404);
        assertThat(api.get("/tasks/no-such-task", admin).status()).isEqualTo(404);
    }
}
