package io.links.app.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.app.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest extends ApiTest {

    @Test
    void adminAddsASimAndReadsItBack() {
        String admin = fixtures.organisation();
        String iccid = Fixtures.iccid();

        Api.Answer created = api.post("/sims", admin, Map.of("iccid", iccid, "msisdn", "447700900123",
                "imei", "352099001761481", "type", "esim", "compatibility_zones", List.of("eu", "global"),
                "countries", List.of("DEU", "FRA"), "provider", "simulator"));

        assertThat(created.status()).isEqualTo(201);
        Api.Answer read = api.get("/sims/" + created.text("id"), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("iccid")).isEqualTo(iccid);
        assertThat(read.text("msisdn")).isEqualTo("447700900123");
        assertThat(read.text("imei")).isEqualTo("352099001761481");
        assertThat(read.text("type")).isEqualTo("esim");
        assertThat(read.body().get("compatibility_zones").toString()).isEqualTo("[\"eu\",\"global\"]");
        assertThat(read.body().get("countries").toString()).isEqualTo("[\"DEU\",\"FRA\"]");
        assertThat(read.text("link_id")).isNull();
    }

    @Test
    void simFieldsAreValidated() {
        String admin = fixtures.organisation();
        Map<String, Object> sim = new HashMap<>(Map.of("iccid", "8944000000000000002", "msisdn", "+4477",
                "imei", "352099001761482", "type", "physical", "compatibility_zones", List.of(),
                "countries", List.of("DE")));

        Api.Answer refused = api.post("/sims", admin, sim);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("validation_error");
        assertThat(fields(refused)).containsExactlyInAnyOrder("iccid", "msisdn", "imei", "compatibility_zones",
                "countries[0]");
    }

    @Test
    void simTypeMustBeKnown() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.post("/sims", admin, Map.of("iccid", Fixtures.iccid(), "type", "nano",
                "compatibility_zones", List.of("eu")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("type");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("physical, esim");
    }

    @Test
    void aDuplicateIccidIsAConflict() {
        String admin = fixtures.organisation();
        Map<String, Object> sim = Map.of("iccid", Fixtures.iccid(), "type", "physical",
                "compatibility_zones", List.of("eu"));
        assertThat(api.post("/sims", admin, sim).status()).isEqualTo(201);

        Api.Answer again = api.post("/sims", admin, sim);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("conflict");
    }

    @Test
    void aPlanNeedsAnExistingCoverageOfTheOrganisation() {
        String acme = fixtures.organisation();
        String globex = fixtures.organisation();
        String globexCoverage = fixtures.coverage(globex, "DEU");

        Api.Answer refused = api.post("/plans", acme, Map.of("name", "1 GB", "data_bytes", 1000,
                "validity_days", 30, "compatibility_zones", List.of("eu"), "coverage_id", globexCoverage));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("coverage_id");
    }

    @Test
    void planFieldsAreValidated() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.post("/plans", admin, Map.of("name", "", "data_bytes", 0, "validity_days", -1,
                "compatibility_zones", List.of()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "data_bytes", "validity_days",
                "compatibility_zones", "coverage_id");
    }

    @Test
    void coverageCountriesAreAlpha3AndRequired() {
        String admin = fixtures.organisation();

        Api.Answer empty = api.post("/coverages", admin, Map.of("name", "Nowhere", "countries", List.of()));
        Api.Answer alpha2 = api.post("/coverages", admin, Map.of("name", "EU", "countries", List.of("DEU", "fr")));

        assertThat(empty.status()).isEqualTo(422);
        assertThat(fields(empty)).containsExactly("countries");
        assertThat(alpha2.status()).isEqualTo(422);
        assertThat(fields(alpha2)).containsExactly("countries[1]");
    }

    @Test
    void listsArePagedNewestFirst() {
        String admin = fixtures.organisation();
        String first = fixtures.coverage(admin, "DEU");
        String second = fixtures.coverage(admin, "FRA");
        String third = fixtures.coverage(admin, "ESP");

        Api.Answer page = api.get("/coverages?page_size=2", admin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asInt()).isEqualTo(3);
        assertThat(page.body().get("pages").asInt()).isEqualTo(2);
        assertThat(page.body().get("page_size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(ids(api.get("/coverages?page_size=2&page=2", admin))).containsExactly(first);
        assertThat(ids(api.get("/coverages?sort_by=created_at&sort_order=asc", admin)))
                .containsExactly(first, second, third);
    }

    @Test
    void listParametersAreChecked() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.get("/plans?sort_by=price&page=zero", admin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("sort_by", "page");
    }

    @Test
    void aPlanInUseCannotBeDeletedAndAFreeOneCan() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String used = fixtures.plan(admin, coverage, "eu");
        String unused = fixtures.plan(admin, coverage, "eu");
        assertThat(fixtures.link(admin, "tracker", List.of(used), "eu").status()).isEqualTo(201);

        Api.Answer refused = api.delete("/plans/" + used, admin);
        Api.Answer deleted = api.delete("/plans/" + unused, admin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("in use");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/plans/" + unused, admin).status()).isEqualTo(404);
        assertThat(api.get("/plans/" + used, admin).status()).isEqualTo(200);
    }

    @Test
    void aCoverageWithPlansCannotBeDeleted() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String plan = fixtures.plan(admin, coverage, "eu");

        Api.Answer refused = api.delete("/coverages/" + coverage, admin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.delete("/plans/" + plan, admin).status()).isEqualTo(204);
        assertThat(api.delete("/coverages/" + coverage, admin).status()).isEqualTo(204);
        assertThat(api.get("/coverages/" + coverage, admin).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganisationsCatalogIsNotFound() {
        String acme = fixtures.organisation();
        String globex = fixtures.organisation();
        String sim = fixtures.sim(acme, "eu");
        String coverage = fixtures.coverage(acme, "DEU");

        assertThat(api.get("/sims/" + sim, globex).status()).isEqualTo(404);
        assertThat(api.delete("/coverages/" + coverage, globex).status()).isEqualTo(404);
        assertThat(api.get("/sims", globex).body().get("total").asInt()).isZero();
    }

    private static List<String> fields(Api.Answer answer) {
        return answer.body().get("errors").findValuesAsText("field");
    }

    private static List<String> ids(Api.Answer answer) {
        return answer.body().get("items").findValues("id").stream().map(JsonNode::asText).toList();
    }
}
