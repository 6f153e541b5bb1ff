package io.links.app.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.upstream.SimState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's circuit breaker as {@code /actuator/health} shows it: it opens once the provider failed enough
 * calls, the service stays UP, and calls are then refused at once without reaching the provider.
 */
class UpstreamHealthApiTest extends ApiTest {

    /** ResilientUpstream's minimum number of calls before the breaker judges the failure rate, at least half. */
    private static final int CALLS_TO_OPEN = 10;

    @Test
    void aFailingProviderOpensTheBreakerWhichHealthShowsWhileStayingUp() {
        String admin = fixtures.organisation();
        String plan = fixtures.plan(admin, fixtures.coverage(admin, "DEU"), "eu");
        Api.Answer link = fixtures.link(admin, "pump", List.of(plan), "eu");
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        String suspend = "/links/" + link.text("id") + "/suspend";
        String iccid = link.body().get("sim").get("iccid").asText();
        // forget the successful calls that made the link, so that only failures count from here on
        upstream.reset();
        simulator.failureRate(1.0);

        for (int i = 0; i < CALLS_TO_OPEN; i++) {
            assertThat(upstreamHealth().get("details").get("circuit_breaker").asText()).as("before call " + (i + 1))
                    .isEqualTo("CLOSED");
            Api.Answer failed = api.post(suspend, admin, null);
            assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
            assertThat(failed.text("code")).isEqualTo("upstream_error");
            assertThat(failed.text("detail")).as("call " + (i + 1)).contains("injected failure");
        }

        Api.Answer health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        // UpstreamHealthIndicator is UP whatever the breaker's state: reads are still served
        assertThat(health.text("status")).isEqualTo("UP");
        JsonNode upstreamHealth = health.body().get("components").get("upstream");
        assertThat(upstreamHealth.get("status").asText()).isEqualTo("UP");
        assertThat(upstreamHealth.get("details").get("circuit_breaker").asText()).isEqualTo("OPEN");
        assertThat(upstreamHealth.get("details").get("provider").asText()).isEqualTo("simulator");

        // the provider would answer now; the open breaker must refuse without asking it
        simulator.failureRate(0);
        long start = System.nanoTime();
        Api.Answer refused = api.post(suspend, admin, null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.text("code")).isEqualTo("upstream_error");
        assertThat(refused.text("detail")).contains("circuit breaker open");
        assertThat(took).as("no attempt waited on the provider").isLessThan(Duration.ofSeconds(2));
        assertThat(simulator.state(iccid).orElseThrow().status()).isEqualTo(SimState.Status.ACTIVE);
        assertThat(api.get("/links?search=" + link.text("id"), admin).body().get("items").get(0).get("status")
                .asText()).isEqualTo("active");
        assertThat(upstreamHealth().get("details").get("circuit_breaker").asText()).isEqualTo("OPEN");
    }

    private JsonNode upstreamHealth() {
        return api.get("/actuator/health", null).body().get("components").get("upstream");
    }
}
