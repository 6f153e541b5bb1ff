package io.links.app.tenancy;

import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenancyApiTest extends ApiTest {

    @Test
    void operatorCreatesAnOrganisationWithAnAdminKeyShownOnce() {
        Api.Answer created = api.post("/organisations", Api.OPERATOR_KEY, Map.of("name", "Acme IoT"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Acme IoT");
        assertThat(created.text("id")).isNotBlank();
        assertThat(created.text("api_key")).startsWith("lk_");

        Api.Answer keys = api.get("/api-keys", created.text("api_key"));
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.body().get("total").asInt()).isEqualTo(1);
        assertThat(keys.body().get("items").get(0).get("role").asText()).isEqualTo("admin");
        assertThat(keys.body().get("items").get(0).has("api_key")).isFalse();
    }

    @Test
    void onlyTheOperatorCreatesOrganisations() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.post("/organisations", admin, Map.of("name", "Sneaky"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("forbidden");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void organisationNeedsAName() {
        Api.Answer refused = api.post("/organisations", Api.OPERATOR_KEY, Map.of("name", " "));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        Api.Answer missing = api.get("/links", null);
        Api.Answer wrong = api.get("/links", "lk_not-a-key");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.text("code")).isEqualTo("unauthorized");
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.text("code")).isEqualTo("unauthorized");
    }

    @Test
    void healthIsOpenWithoutAKey() {
        Api.Answer health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().get("components").get("eventProcessors").get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("components").get("readModelStore").get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.body().get("components").get("upstream").get("details").get("circuit_breaker").asText())
                .isIn("CLOSED", "HALF_OPEN", "OPEN");
    }

    @Test
    void adminCreatesListsAndDeletesKeys() {
        String admin = fixtures.organisation();

        Api.Answer member = api.post("/api-keys", admin, Map.of("role", "member"));
        assertThat(member.status()).isEqualTo(201);
        assertThat(member.text("role")).isEqualTo("member");
        assertThat(member.text("api_key")).startsWith("lk_");
        assertThat(member.text("created_at")).endsWith("Z");

        assertThat(api.get("/links", member.text("api_key")).status()).isEqualTo(200);
        assertThat(api.get("/api-keys", admin).body().get("total").asInt()).isEqualTo(2);

        assertThat(api.delete("/api-keys/" + member.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.get("/links", member.text("api_key")).status()).isEqualTo(401);
        assertThat(api.get("/api-keys", admin).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void membersCannotManageKeysOrTheCatalog() {
        String admin = fixtures.organisation();
        String member = api.post("/api-keys", admin, Map.of("role", "member")).text("api_key");

        Api.Answer keys = api.post("/api-keys", member, Map.of("role", "admin"));
        Api.Answer coverage = api.post("/coverages", member, Map.of("name", "EU", "countries", new String[] {"DEU"}));

        assertThat(keys.status()).isEqualTo(403);
        assertThat(keys.text("code")).isEqualTo("forbidden");
        assertThat(coverage.status()).isEqualTo(403);
        assertThat(api.get("/coverages", member).status()).isEqualTo(200);
    }

    @Test
    void keyRoleMustBeKnown() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.post("/api-keys", admin, Map.of("role", "owner"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("member", "admin");
    }

    @Test
    void theLastAdminKeyCannotBeDeleted() {
        String admin = fixtures.organisation();
        String adminKeyId = api.get("/api-keys", admin).body().get("items").get(0).get("id").asText();

        Api.Answer refused = api.delete("/api-keys/" + adminKeyId, admin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/links", admin).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationsKeyIsNotFound() {
        String acme = fixtures.organisation();
        String globex = fixtures.organisation();
        String acmeMember = api.post("/api-keys", acme, Map.of("role", "member")).text("id");

        Api.Answer refused = api.delete("/api-keys/" + acmeMember, globex);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("code")).isEqualTo("not_found");
    }

    @Test
    void theOperatorKeyDoesNotReachOrganisationResources() {
        Api.Answer refused = api.get("/links", Api.OPERATOR_KEY);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("forbidden");
    }
}
