package io.links.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.tenancy.Role;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.command.tenancy.IdempotencyStore;
import io.links.command.tenancy.Principal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} header: a retry gets the first answer without running again, per organisation.
 */
class IdempotencyApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private IdempotencyFilter filter;

    @Autowired
    private IdempotencyStore store;

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void noCaller() {
        RequestContext.clear();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerWithoutCreatingAgain() {
        String admin = fixtures.organisation();
        String body = Api.json(Map.of("name", "Pump 7", "sim_id", fixtures.sim(admin, "eu")));
        String key = UUID.randomUUID().toString();

        Api.Answer first = post(admin, "/links", body, key);
        Api.Answer retry = post(admin, "/links", body, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Location")).isEqualTo("/links/" + first.text("id"));
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        Api.Answer links = api.get("/links", admin);
        assertThat(links.body().get("total").asInt()).isEqualTo(1);
        assertThat(links.body().get("items").get(0).get("id").asText()).isEqualTo(first.text("id"));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String admin = fixtures.organisation();
        String key = UUID.randomUUID().toString();
        String body = Api.json(Map.of("sim_id", fixtures.sim(admin, "eu")));
        Api.Answer first = post(admin, "/links", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Api.Answer otherBody = post(admin, "/links", Api.json(Map.of("sim_id", fixtures.sim(admin, "eu"))), key);
        Api.Answer otherPath = post(admin, "/links/" + first.text("id") + "/sms", body, key);

        for (Api.Answer refused : List.of(otherBody, otherPath)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("validation_error");
            assertThat(refused.text("detail")).contains("Idempotency-Key").contains("different request");
            assertThat(refused.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        }
        assertThat(api.get("/links", admin).body().get("total").asInt()).isEqualTo(1);
        Api.Answer retry = post(admin, "/links", body, key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
    }

    @Test
    void keysBelongToTheirOrganisation() {
        String acme = fixtures.organisation();
        String globex = fixtures.organisation();
        String key = "order-" + UUID.randomUUID();

        Api.Answer acmes = post(acme, "/links", Api.json(Map.of("sim_id", fixtures.sim(acme, "eu"))), key);
        Api.Answer globexs = post(globex, "/links", Api.json(Map.of("sim_id", fixtures.sim(globex, "eu"))), key);

        assertThat(acmes.status()).as(acmes.toString()).isEqualTo(201);
        assertThat(globexs.status()).as(globexs.toString()).isEqualTo(201);
        assertThat(globexs.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(globexs.text("id")).isNotEqualTo(acmes.text("id"));
        assertThat(api.get("/links", acme).body().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/links", globex).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusalIsReplayedAsItWasGiven() {
        String admin = fixtures.organisation();
        String key = UUID.randomUUID().toString();
        String body = Api.json(Map.of("sim_id", "no-such-sim"));

        Api.Answer first = api.send("POST", "/links", admin, "application/json", body,
                Map.of(IdempotencyFilter.KEY_HEADER, key, ApiKeyFilter.REQUEST_ID_HEADER, "first-attempt"));
        Api.Answer retry = api.send("POST", "/links", admin, "application/json", body,
                Map.of(IdempotencyFilter.KEY_HEADER, key, ApiKeyFilter.REQUEST_ID_HEADER, "second-attempt"));
        Api.Answer unkeyed = api.send("POST", "/links", admin, "application/json", body,
                Map.of(ApiKeyFilter.REQUEST_ID_HEADER, "third-attempt"));

        assertThat(first.status()).as(first.toString()).isEqualTo(422);
        assertThat(first.text("request_id")).isEqualTo("first-attempt");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.header(ApiKeyFilter.REQUEST_ID_HEADER)).isEqualTo("second-attempt");
        assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
        // the stored answer, not a new one: it still names the request that caused it
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.text("request_id")).isEqualTo("first-attempt");
        assertThat(unkeyed.status()).isEqualTo(422);
        assertThat(unkeyed.text("request_id")).isEqualTo("third-attempt");
    }

    @Test
    void withoutTheHeaderEveryRequestRuns() {
        String admin = fixtures.organisation();
        String body = Api.json(Map.of("sim_id", fixtures.sim(admin, "eu")));

        Api.Answer first = api.send("POST", "/links", admin, "application/json", body);
        Api.Answer second = api.send("POST", "/links", admin, "application/json",
                Api.json(Map.of("sim_id", fixtures.sim(admin, "eu"))));
        Api.Answer again = api.send("POST", "/links", admin, "application/json", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
        assertThat(again.status()).as("the same body runs again and finds its SIM bound").isEqualTo(422);
        assertThat(again.text("detail")).contains("already bound");
        assertThat(again.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(api.get("/links", admin).body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void aKeyMustHoldOneTo255Characters() {
        String admin = fixtures.organisation();
        String body = Api.json(Map.of("sim_id", fixtures.sim(admin, "eu")));

        Api.Answer tooLong = post(admin, "/links", body, "k".repeat(300));
        Api.Answer empty = post(admin, "/links", body, "");

        for (Api.Answer refused : List.of(tooLong, empty)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.text("code")).isEqualTo("validation_error");
            assertThat(refused.text("detail")).contains("Idempotency-Key").contains("255");
        }
        assertThat(api.get("/links", admin).body().get("total").asInt()).isZero();
        Api.Answer longest = post(admin, "/links", body, "k".repeat(255));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
    }

    @Test
    void theOperatorKeyIsNotTracked() {
        String body = Api.json(Map.of("sim_id", "any"));
        String key = UUID.randomUUID().toString();

        Api.Answer first = post(Api.OPERATOR_KEY, "/links", body, key);
        Api.Answer second = post(Api.OPERATOR_KEY, "/links", body, key);

        assertThat(first.status()).isEqualTo(403);
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.header(IdempotencyFilter.REPLAYED_HEADER)).isNull();
    }

    @Test
    void concurrentRetriesCreateOneLink() throws Exception {
        String admin = fixtures.organisation();
        String body = Api.json(Map.of("name", "Racer", "sim_id", fixtures.sim(admin, "eu")));
        String key = UUID.randomUUID().toString();
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Api.Answer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return post(admin, "/links", body, key);
                }, pool));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Api.Answer> answers = calls.stream().map(CompletableFuture::join).toList();
        List<Api.Answer> fresh = answers.stream()
                .filter(a -> a.status() == 201 && a.header(IdempotencyFilter.REPLAYED_HEADER) == null).toList();
        assertThat(fresh).as(answers.toString()).hasSize(1);
        String linkId = fresh.get(0).text("id");
        for (Api.Answer answer : answers) {
            if (answer.status() == 201) {
                assertThat(answer.text("id")).isEqualTo(linkId);
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                assertThat(answer.text("code")).isEqualTo("conflict");
                assertThat(answer.text("detail")).contains("still in progress");
            }
        }
        Api.Answer links = api.get("/links", admin);
        assertThat(links.body().get("total").asInt()).isEqualTo(1);
        assertThat(links.body().get("items").get(0).get("id").asText()).isEqualTo(linkId);
    }

    @Test
    void anUnexpectedFailureIsForgottenSoThatARetryRuns() throws Exception {
        String organisation = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        List<Integer> statuses = List.of(500, 201);

        FilterChain handler = (request, response) -> {
            int run = runs.getAndIncrement();
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).isEqualTo("{\"sim_id\":\"s\"}");
            ((HttpServletResponse) response).setStatus(statuses.get(run));
            ((HttpServletResponse) response).setHeader("Location", "/links/run-" + run);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"run\":" + run + "}").getBytes(StandardCharsets.UTF_8));
        };

        MockHttpServletResponse failed = call(organisation, key, "/links", "{\"sim_id\":\"s\"}", handler);
        MockHttpServletResponse succeeded = call(organisation, key, "/links", "{\"sim_id\":\"s\"}", handler);
        MockHttpServletResponse replayed = call(organisation, key, "/links", "{\"sim_id\":\"s\"}", handler);

        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(succeeded.getStatus()).isEqualTo(201);
        assertThat(succeeded.getContentAsString()).isEqualTo("{\"run\":1}");
        assertThat(replayed.getStatus()).isEqualTo(201);
        assertThat(replayed.getContentAsString()).isEqualTo("{\"run\":1}");
        assertThat(replayed.getHeader("Location")).isEqualTo("/links/run-1");
        assertThat(replayed.getContentType()).isEqualTo("application/json");
        assertThat(replayed.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(2);
    }

    @Test
    void anUpstreamFailureIsRememberedAndReplayed() throws Exception {
        String organisation = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        FilterChain upstreamDown = (request, response) -> {
            runs.incrementAndGet();
            ((HttpServletResponse) response).setStatus(502);
            response.setContentType("application/problem+json");
            response.getOutputStream().write("{\"code\":\"upstream_error\"}".getBytes(StandardCharsets.UTF_8));
        };

        MockHttpServletResponse first = call(organisation, key, "/links/l-1/sms", "{\"text\":\"hi\"}", upstreamDown);
        MockHttpServletResponse retry = call(organisation, key, "/links/l-1/sms", "{\"text\":\"hi\"}", upstreamDown);

        assertThat(first.getStatus()).isEqualTo(502);
        assertThat(retry.getStatus()).isEqualTo(502);
        assertThat(retry.getContentAsString()).isEqualTo("{\"code\":\"upstream_error\"}");
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIsAConflict() throws Exception {
        String organisation = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        List<MockHttpServletResponse> inner = new ArrayList<>();
        FilterChain slow = (request, response) -> {
            // while this request runs, the same request arrives again
            inner.add(call(organisation, key, "/links/bulk/suspend", "{\"ids\":[]}", (r, s) -> {
                throw new AssertionError("the retry must not run");
            }));
            ((HttpServletResponse) response).setStatus(202);
        };

        MockHttpServletResponse first = call(organisation, key, "/links/bulk/suspend", "{\"ids\":[]}", slow);

        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(inner).hasSize(1);
        assertThat(inner.get(0).getStatus()).isEqualTo(409);
        assertThat(inner.get(0).getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(inner.get(0).getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("conflict");
        assertThat(problem.get("detail").asText()).contains("still in progress");
    }

    @Test
    void keysOlderThan48HoursAreDeleted() {
        String organisation = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        assertThat(store.begin(organisation, old, "a".repeat(64))).isInstanceOf(IdempotencyStore.Started.class);
        store.complete(organisation, old, 201, "{}", null, "application/json");
        assertThat(store.begin(organisation, recent, "a".repeat(64))).isInstanceOf(IdempotencyStore.Started.class);
        jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE organisation_id = ? AND idempotency_key = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(49))), organisation, old);

        filter.forgetExpiredKeys();

        assertThat(store.begin(organisation, old, "b".repeat(64))).isInstanceOf(IdempotencyStore.Started.class);
        assertThat(store.begin(organisation, recent, "a".repeat(64))).isInstanceOf(IdempotencyStore.InProgress.class);
    }

    @Test
    void keysYoungerThan48HoursStillReplayAfterTheCleanUp() {
        String admin = fixtures.organisation();
        record Aged(Duration age, String key, String body, Api.Answer first) {
        }
        List<Aged> aged = new ArrayList<>();
        for (Duration age : List.of(Duration.ofHours(25), Duration.ofHours(47))) {
            String key = UUID.randomUUID().toString();
            String body = Api.json(Map.of("name", "Aged " + age.toHours(), "sim_id", fixtures.sim(admin, "eu")));
            Api.Answer first = post(admin, "/links", body, key);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(jdbc.update("UPDATE idempotency_key SET created_at = ? WHERE idempotency_key = ?",
                    Timestamp.from(Instant.now().minus(age)), key)).isEqualTo(1);
            aged.add(new Aged(age, key, body, first));
        }

        filter.forgetExpiredKeys();

        for (Aged key : aged) {
            Api.Answer retry = post(admin, "/links", key.body(), key.key());
            assertThat(retry.status()).as(key.age() + " old: " + retry).isEqualTo(201);
            assertThat(retry.header(IdempotencyFilter.REPLAYED_HEADER)).as(key.age() + " old").isEqualTo("true");
            assertThat(retry.body()).as(key.age() + " old").isEqualTo(key.first().body());
        }
        assertThat(api.get("/links", admin).body().get("total").asInt()).isEqualTo(2);
    }

    private Api.Answer post(String key, String path, String body, String idempotencyKey) {
        return api.send("POST", path, key, "application/json", body,
                Map.of(IdempotencyFilter.KEY_HEADER, idempotencyKey));
    }

    /** One request through the filter alone, as an organisation's admin key, with {@code handler} behind it. */
    private MockHttpServletResponse call(String organisation, String key, String path, String body,
                                         FilterChain handler) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContext.set(new Principal("key-1", organisation, Role.ADMIN), "req-" + UUID.randomUUID());
        filter.doFilter(request, response, handler);
        return response;
    }
}
