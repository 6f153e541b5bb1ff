package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LinkApiTest extends ApiTest {

    @Test
    void aLinkWithoutPlansIsPreActiveAndReadableAtOnce() {
        String admin = fixtures.organisation();
        String sim = fixtures.sim(admin, "eu", "global");

        Api.Answer created = api.post("/links", admin, Map.of("name", "Pump 7", "sim_id", sim));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/links/" + created.text("id"));
        JsonNode link = created.body();
        assertThat(link.get("name").asText()).isEqualTo("Pump 7");
        assertThat(link.get("status").asText()).isEqualTo("pre_active");
        assertThat(link.get("sim").get("id").asText()).isEqualTo(sim);
        assertThat(link.get("compatibility_zones").toString()).isEqualTo("[\"eu\",\"global\"]");
        assertThat(link.get("usage").get("bytes_total").asLong()).isZero();
        assertThat(link.get("network_status").get("connected").asBoolean()).isFalse();
        assertThat(link.get("barred_network_types").isEmpty()).isTrue();
        assertThat(link.get("imei_lock").isNull()).isTrue();
        assertThat(link.get("meta").isEmpty()).isTrue();
        assertThat(link.get("version").asLong()).isEqualTo(1);
        assertThat(link.get("created_at").asText()).endsWith("Z");

        Api.Answer read = api.get("/links/" + created.text("id"), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(link);
        assertThat(api.get("/sims/" + sim, admin).text("link_id")).isEqualTo(created.text("id"));
    }

    @Test
    void aLinkCreatedWithPlansIsActive() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String europe = fixtures.plan(admin, coverage, "eu");
        String world = fixtures.plan(admin, coverage, "global");

        Api.Answer created = fixtures.link(admin, "Tracker", List.of(europe, world), "eu", "global");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.body().get("version").asLong()).isEqualTo(3);
        assertThat(api.get("/links?plan_id=" + world, admin).ids()).containsExactly(created.text("id"));
        assertThat(api.get("/links?coverage_id=" + coverage, admin).ids()).containsExactly(created.text("id"));
    }

    @Test
    void aPlanOutsideTheSimsZonesIsRefusedAndLeavesTheSimFree() {
        String admin = fixtures.organisation();
        String americas = fixtures.plan(admin, fixtures.coverage(admin, "USA"), "na");
        String sim = fixtures.sim(admin, "eu");

        Api.Answer refused = api.post("/links", admin, Map.of("sim_id", sim, "plan_ids", List.of(americas)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("validation_error");
        assertThat(refused.text("detail")).contains("zones");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("plan_ids");
        assertThat(api.get("/sims/" + sim, admin).text("link_id")).isNull();
        assertThat(api.post("/links", admin, Map.of("sim_id", sim)).status()).isEqualTo(201);
    }

    @Test
    void aBoundSimCannotBeBoundAgain() {
        String admin = fixtures.organisation();
        String sim = fixtures.sim(admin, "eu");
        assertThat(api.post("/links", admin, Map.of("sim_id", sim)).status()).isEqualTo(201);

        Api.Answer refused = api.post("/links", admin, Map.of("sim_id", sim));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("sim_id");
        assertThat(refused.text("detail")).contains("already bound");
        assertThat(api.get("/links", admin).body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void unknownSimsAndPlansAreRefused() {
        String admin = fixtures.organisation();
        String otherOrganisationsSim = fixtures.sim(fixtures.organisation(), "eu");
        String sim = fixtures.sim(admin, "eu");

        Api.Answer foreignSim = api.post("/links", admin, Map.of("sim_id", otherOrganisationsSim));
        Api.Answer unknownPlan = api.post("/links", admin, Map.of("sim_id", sim, "plan_ids", List.of("nope")));
        Api.Answer twice = api.post("/links", admin, Map.of("sim_id", sim, "plan_ids", List.of("a", "a")));
        Api.Answer noSim = api.post("/links", admin, Map.of("name", "x"));

        assertThat(foreignSim.status()).isEqualTo(422);
        assertThat(unknownPlan.status()).isEqualTo(422);
        assertThat(unknownPlan.body().get("errors").get(0).get("field").asText()).isEqualTo("plan_ids");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(noSim.status()).isEqualTo(422);
        assertThat(api.get("/sims/" + sim, admin).text("link_id")).isNull();
    }

    @Test
    void anotherOrganisationsLinkIsNotFound() {
        String acme = fixtures.organisation();
        String globex = fixtures.organisation();
        String link = api.post("/links", acme, Map.of("sim_id", fixtures.sim(acme, "eu"))).text("id");

        Api.Answer hidden = api.get("/links/" + link, globex);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text("code")).isEqualTo("not_found");
        assertThat(api.get("/links", globex).body().get("total").asInt()).isZero();
        assertThat(api.get("/links/no-such-link", acme).status()).isEqualTo(404);
    }

    @Test
    void theListingIsPagedMostRecentlyUpdatedFirst() {
        String admin = fixtures.organisation();
        String first = api.post("/links", admin, Map.of("name", "b-first", "sim_id", fixtures.sim(admin, "eu")))
                .text("id");
        String second = api.post("/links", admin, Map.of("name", "C-second", "sim_id", fixtures.sim(admin, "eu")))
                .text("id");
        String third = api.post("/links", admin, Map.of("name", "a-third", "sim_id", fixtures.sim(admin, "eu")))
                .text("id");

        Api.Answer page = api.get("/links?page_size=2", admin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("total").asInt()).isEqualTo(3);
        assertThat(page.body().get("page").asInt()).isEqualTo(1);
        assertThat(page.body().get("page_size").asInt()).isEqualTo(2);
        assertThat(page.body().get("pages").asInt()).isEqualTo(2);
        assertThat(page.ids()).containsExactly(third, second);
        assertThat(api.get("/links?page_size=2&page=2", admin).ids()).containsExactly(first);
        assertThat(api.get("/links?page=3", admin).ids()).isEmpty();
        assertThat(api.get("/links?sort_by=name", admin).ids()).containsExactly(third, first, second);
        assertThat(api.get("/links?sort_by=name&sort_order=desc", admin).ids())
                .containsExactly(second, first, third);
    }

    @Test
    void searchMatchesNameIdAndIccidIgnoringCase() {
        String admin = fixtures.organisation();
        String sim = fixtures.sim(admin, "eu");
        String iccid = api.get("/sims/" + sim, admin).text("iccid");
        String pump = api.post("/links", admin, Map.of("name", "Water Pump", "sim_id", sim)).text("id");
        String meter = api.post("/links", admin, Map.of("name", "Gas meter", "sim_id", fixtures.sim(admin, "eu")))
                .text("id");

        assertThat(api.get("/links?search=wATER", admin).ids()).containsExactly(pump);
        assertThat(api.get("/links?search=" + iccid.substring(iccid.length() - 6), admin).ids())
                .containsExactly(pump);
        assertThat(api.get("/links?search=" + meter.substring(0, 8).toUpperCase(), admin).ids())
                .containsExactly(meter);
        assertThat(api.get("/links?search=.*", admin).ids()).isEmpty();
    }

    @Test
    void filtersCombineWithAnd() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        String plan = fixtures.plan(admin, coverage, "eu");
        String active = fixtures.link(admin, "active", List.of(plan), "eu").text("id");
        String preActive = fixtures.link(admin, "pre-active", List.of(), "eu").text("id");
        String asia = fixtures.link(admin, "asia", List.of(), "apac").text("id");

        assertThat(api.get("/links?status=active", admin).ids()).containsExactly(active);
        assertThat(api.get("/links?status=pre_active&compatibility_zones=eu", admin).ids())
                .containsExactly(preActive);
        assertThat(api.get("/links?compatibility_zones=eu&compatibility_zones=apac&sort_by=name", admin).ids())
                .containsExactly(active, asia, preActive);
        assertThat(api.get("/links?has_activations=true", admin).ids()).containsExactly(active);
        assertThat(api.get("/links?has_activations=false&sort_by=name", admin).ids()).containsExactly(asia, preActive);
        assertThat(api.get("/links?has_sim=false", admin).ids()).isEmpty();
        assertThat(api.get("/links?sim_type=esim", admin).ids()).isEmpty();
        assertThat(api.get("/links?countries=DEU", admin).ids()).hasSize(3);
        assertThat(api.get("/links?network_connected=true", admin).ids()).isEmpty();
    }

    @Test
    void badQueryParametersAre422() {
        String admin = fixtures.organisation();

        for (String query : List.of("page=0", "page=x", "page_size=201", "page_size=-1", "sort_by=colour",
                "sort_order=up", "status=sleeping", "status=removed", "has_sim=yes", "sim_type=nano",
                "countries=DE", "network_connected=1", "unknown=1", "page=1&page=2")) {
            Api.Answer refused = api.get("/links?" + query, admin);
            assertThat(refused.status()).as(query).isEqualTo(422);
            assertThat(refused.text("code")).as(query).isEqualTo("validation_error");
            assertThat(refused.body().get("errors").size()).as(query).isGreaterThan(0);
        }
    }

}
