package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.link.UsageCollector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage snapshots through the whole stack: the worker asks the provider simulator, the links record what it
 * counted, and the read model shows each activation's traffic and what is left of its plan, and each link's sum.
 */
class UsageApiTest extends ApiTest {

    @Autowired
    private UsageCollector collector;

    @Test
    void aSnapshotShowsOnEachActivationAndSumsOnTheLink() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String first = plan(admin, coverage, 10_000_000, false);
        String second = plan(admin, coverage, 10_000_000, false);
        String link = fixtures.link(admin, "meter", List.of(first, second), "eu").text("id");
        String idle = fixtures.link(admin, "idle", List.of(first), "eu").text("id");
        assertThat(api.post("/links/" + idle + "/suspend", admin, null).status()).isEqualTo(200);

        assertThat(collector.collect()).isPositive();

        JsonNode activations = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/links/" + link + "/activations", admin).body().get("items"),
                items -> items.size() == 2 && traffic(items.get(0)) > 0 && traffic(items.get(1)) > 0);
        long sum = 0;
        for (JsonNode activation : activations) {
            JsonNode usage = activation.get("usage");
            assertThat(usage.get("bytes_total").asLong())
                    .isEqualTo(usage.get("bytes_up").asLong() + usage.get("bytes_down").asLong());
            assertThat(activation.get("remaining_bytes").asLong()).isEqualTo(10_000_000 - traffic(activation));
            sum += traffic(activation);
        }
        JsonNode linkUsage = api.get("/links?search=" + link, admin).body().get("items").get(0).get("usage");
        assertThat(linkUsage.get("bytes_total").asLong()).isEqualTo(sum);
        assertThat(traffic(api.get("/links/" + idle + "/activations", admin).body().get("items").get(0)))
                .as("a suspended link's device sends nothing").isZero();
        assertThat(api.get("/links?sort_by=usage&sort_order=desc", admin).ids()).containsExactly(link, idle);
    }

    @Test
    void aUsedUpActivationIsDepletedAndItsSelfRenewingPlanStartsAgain() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String tiny = plan(admin, coverage, 1_000, true);
        String link = fixtures.link(admin, "chatty", List.of(tiny), "eu").text("id");

        collector.collect();

        JsonNode items = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/links/" + link + "/activations?sort_by=created_at", admin).body().get("items"),
                found -> found.size() == 2);
        JsonNode depleted = items.get(0);
        assertThat(depleted.get("status").asText()).isEqualTo("depleted");
        assertThat(depleted.get("remaining_bytes").asLong()).isZero();
        JsonNode renewal = items.get(1);
        assertThat(renewal.get("status").asText()).isEqualTo("active");
        assertThat(renewal.get("source").asText()).isEqualTo("resubscription");
        assertThat(renewal.get("plan").get("id").asText()).isEqualTo(tiny);
        assertThat(renewal.get("usage").get("bytes_total").asLong()).isZero();
        assertThat(api.get("/links/" + link + "/activations?status=depleted", admin).ids()).hasSize(1);
        assertThat(api.get("/links/" + link + "/activations?source=resubscription", admin).ids())
                .containsExactly(renewal.get("id").asText());
        assertThat(api.get("/links?plan_id=" + tiny, admin).ids()).containsExactly(link);
    }

    private String plan(String admin, String coverage, long dataBytes, boolean autoRenew) {
        Api.Answer plan = api.post("/plans", admin, Map.of("name", "Plan " + dataBytes, "data_bytes", dataBytes,
                "validity_days", 30, "compatibility_zones", List.of("eu"), "coverage_id", coverage,
                "auto_renew", autoRenew));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        return plan.text("id");
    }

    private static long traffic(JsonNode activation) {
        return activation.get("usage").get("bytes_total").asLong();
    }

}
