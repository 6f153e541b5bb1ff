package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.app.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /links through HTTP on the real stores: every filter on its own and combined, the sort fields, the paging
 * envelope and every way a query can be refused. Each test starts in an organisation of its own.
 */
class LinkListingApiTest extends ApiTest {

    private static final List<String> ALL_NETWORK_TYPES = List.of("2g", "3g", "4g", "5g", "lte_m", "nb_iot");

    private String admin;
    private String coverage;
    /** A plan every SIM of these tests can take, whatever its zones. */
    private String anyZonePlan;

    @BeforeEach
    void organisation() {
        admin = fixtures.organisation();
        coverage = fixtures.coverage(admin, "DEU");
        anyZonePlan = fixtures.plan(admin, coverage, "eu", "apac", "global");
    }

    // ---- filters, each on its own

    @Test
    void statusMatchesAnyOfTheGivenStatuses() {
        String preActive = link("pre-active").preActive();
        String active = link("active").active();
        String suspended = link("suspended").suspended();
        String hold = link("hold").hold();

        assertThat(ids("status=pre_active")).containsExactly(preActive);
        assertThat(ids("status=active")).containsExactly(active);
        assertThat(ids("status=suspended")).containsExactly(suspended);
        assertThat(ids("status=hold")).containsExactly(hold);
        assertThat(ids("status=active&status=hold&sort_by=name")).containsExactly(active, hold);
        assertThat(ids("status=pre_active&status=active&status=suspended&status=hold")).hasSize(4);
    }

    @Test
    void hasSimTellsBoundLinksFromLinksOnHold() {
        String preActive = link("a-pre-active").preActive();
        String active = link("b-active").active();
        String suspended = link("c-suspended").suspended();
        String hold = link("d-hold").hold();

        assertThat(ids("has_sim=true&sort_by=name")).containsExactly(preActive, active, suspended);
        assertThat(ids("has_sim=false")).containsExactly(hold);
    }

    @Test
    void hasActivationsCountsOnlyActivationsStillActive() {
        String active = link("a-active").active();
        String preActive = link("b-pre-active").preActive();
        String activationRemoved = link("c-activation-removed").active();
        removeActivations(activationRemoved);

        assertThat(ids("has_activations=true")).containsExactly(active);
        assertThat(ids("has_activations=false&sort_by=name")).containsExactly(preActive, activationRemoved);
    }

    @Test
    void simTypeMatchesTheBoundSimsType() {
        String physical = link("a-physical").preActive();
        String esim = link("b-esim").esim().preActive();
        link("c-hold-was-esim").esim().hold();

        assertThat(ids("sim_type=physical")).containsExactly(physical);
        assertThat(ids("sim_type=esim")).containsExactly(esim);
        assertThat(ids("sim_type=physical&sim_type=esim&sort_by=name")).containsExactly(physical, esim);
    }

    @Test
    void compatibilityZonesMatchAnyOfTheGivenZones() {
        String europe = link("a-europe").zones("eu").preActive();
        String asia = link("b-asia").zones("apac").preActive();
        String global = link("c-global").zones("eu", "global").preActive();
        // a link on hold keeps the zones of its last SIM
        String hold = link("d-hold").zones("apac").hold();

        assertThat(ids("compatibility_zones=global")).containsExactly(global);
        assertThat(ids("compatibility_zones=eu&sort_by=name")).containsExactly(europe, global);
        assertThat(ids("compatibility_zones=apac&sort_by=name")).containsExactly(asia, hold);
        assertThat(ids("compatibility_zones=eu&compatibility_zones=apac&sort_by=name"))
                .containsExactly(europe, asia, global, hold);
        assertThat(ids("compatibility_zones=na")).isEmpty();
    }

    @Test
    void planIdMatchesLinksWithAnActiveActivationOnThatPlan() {
        String europePlan = fixtures.plan(admin, coverage, "eu");
        String otherPlan = fixtures.plan(admin, coverage, "eu");
        String onEurope = link("a-europe").active(europePlan);
        String onBoth = link("b-both").active(europePlan, otherPlan);
        link("c-other").active(otherPlan);
        link("d-pre-active").preActive();
        String removed = link("e-removed-activation").active(europePlan);
        removeActivations(removed);

        assertThat(ids("plan_id=" + europePlan + "&sort_by=name")).containsExactly(onEurope, onBoth);
        assertThat(ids("plan_id=no-such-plan")).isEmpty();
    }

    @Test
    void coverageIdMatchesLinksWithAnActiveActivationOnAPlanOfThatCoverage() {
        String france = fixtures.coverage(admin, "FRA");
        String francePlan = fixtures.plan(admin, france, "eu");
        String germanyPlan = fixtures.plan(admin, coverage, "eu");
        String inFrance = link("a-france").active(francePlan);
        String inGermany = link("b-germany").active(germanyPlan);
        String removed = link("c-removed-activation").active(francePlan);
        removeActivations(removed);

        assertThat(ids("coverage_id=" + france)).containsExactly(inFrance);
        assertThat(ids("coverage_id=" + coverage)).containsExactly(inGermany);
    }

    @Test
    void countriesMatchAnyOfTheBoundSimsCountries() {
        String germany = link("a-germany").countries("DEU").preActive();
        String franceAndItaly = link("b-france-italy").countries("FRA", "ITA").preActive();
        String spain = link("c-spain").countries("ESP").preActive();
        link("d-hold-was-germany").countries("DEU").hold();

        assertThat(ids("countries=ITA")).containsExactly(franceAndItaly);
        assertThat(ids("countries=DEU")).containsExactly(germany);
        assertThat(ids("countries=DEU&countries=ESP&sort_by=name")).containsExactly(germany, spain);
        assertThat(ids("countries=FRA&countries=ITA")).containsExactly(franceAndItaly);
        assertThat(ids("countries=USA")).isEmpty();
    }

    @Test
    void networkFiltersFollowTheLastObservedNetworkStatus() {
        String berlin = link("a-berlin").countries("DEU").active();
        String paris = link("b-paris").countries("FRA").active();
        String idle = link("c-idle").preActive();

        observeNetwork(berlin);
        observeNetwork(paris);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ids("network_connected=true&sort_by=name")).containsExactly(berlin, paris));

        assertThat(ids("network_connected=false")).containsExactly(idle);
        assertThat(ids("network_country=DEU")).containsExactly(berlin);
        assertThat(ids("network_country=FRA")).containsExactly(paris);
        assertThat(ids("network_country=DEU&network_country=FRA&sort_by=name")).containsExactly(berlin, paris);
        assertThat(ids("network_country=ITA")).isEmpty();

        // with every radio technology barred the device drops off the network at the next observation
        ok(api.post("/links/" + berlin + "/bar", admin, Map.of("network_types", ALL_NETWORK_TYPES)), 200);
        observeNetwork(berlin);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ids("network_connected=true")).containsExactly(paris));
        assertThat(ids("network_connected=false&sort_by=name")).containsExactly(berlin, idle);
        assertThat(ids("network_country=DEU")).isEmpty();
    }

    @Test
    void searchMatchesAPartOfTheNameIgnoringCase() {
        String pump = link("Water Pump North").preActive();
        String oil = link("Müller ÖL").preActive();
        link("Gas meter").preActive();

        assertThat(search("PUMP")).containsExactly(pump);
        assertThat(search("ump no")).containsExactly(pump);
        assertThat(search("water pump north")).containsExactly(pump);
        assertThat(search("öl")).containsExactly(oil);
        assertThat(search("MÜLLER")).containsExactly(oil);
        assertThat(search("pumps")).isEmpty();
    }

    @Test
    void searchMatchesAPartOfTheIdIgnoringCase() {
        String wanted = link("first").preActive();
        link("second").preActive();

        assertThat(search(wanted)).containsExactly(wanted);
        assertThat(search(wanted.substring(9, 23).toUpperCase())).containsExactly(wanted);
    }

    @Test
    void searchMatchesAPartOfTheBoundSimsIccid() {
        String sim = sim("physical", List.of("eu"), List.of("DEU"));
        String iccid = api.get("/sims/" + sim, admin).text("iccid");
        String bound = create("bound", sim, List.of());
        link("other").preActive();

        assertThat(search(iccid)).containsExactly(bound);
        assertThat(search(iccid.substring(iccid.length() - 8))).containsExactly(bound);

        ok(api.delete("/links/" + bound + "/sim", admin), 200);
        assertThat(search(iccid)).as("a detached SIM's ICCID no longer finds the link").isEmpty();
    }

    @Test
    void searchTakesRegexMetacharactersLiterally() {
        String version = link("v1.2 (beta)*").preActive();
        link("v132 beta").preActive();
        String symbols = link("x+y?[z]{w}|^$\\/").preActive();

        assertThat(search("1.2")).containsExactly(version);
        assertThat(search("(beta)")).containsExactly(version);
        assertThat(search("beta)*")).containsExactly(version);
        assertThat(search("v1..")).isEmpty();
        assertThat(search(".*")).isEmpty();
        for (String metacharacter : List.of("+", "?", "[", "]", "{", "}", "|", "^", "$", "\\", "/")) {
            assertThat(search(metacharacter)).as(metacharacter).containsExactly(symbols);
        }
    }

    // ---- filters together

    @Test
    void differentFiltersCombineWithAnd() {
        String wanted = link("tracker wanted").esim().zones("eu").countries("FRA").active();
        link("tracker physical").zones("eu").countries("FRA").active();
        link("tracker pre-active").esim().zones("eu").countries("FRA").preActive();
        link("tracker asia").esim().zones("apac").countries("FRA").active();
        link("tracker germany").esim().zones("eu").countries("DEU").active();
        link("pump wanted otherwise").esim().zones("eu").countries("FRA").active();

        assertThat(ids("status=active&sim_type=esim&compatibility_zones=eu&countries=FRA&search=tracker"))
                .containsExactly(wanted);
        assertThat(ids("status=active&status=pre_active&sim_type=esim&compatibility_zones=eu&countries=FRA"
                + "&has_sim=true&has_activations=true&plan_id=" + anyZonePlan + "&search=TRACKER"))
                .containsExactly(wanted);
        assertThat(ids("sim_type=physical&search=asia")).isEmpty();
    }

    // ---- removed links

    @Test
    void removedLinksAreNeverListed() {
        String removed = link("gone").zones("eu").removed();
        String hold = link("kept").zones("eu").hold();

        JsonNode all = listing("");
        assertThat(ids(all)).containsExactly(hold);
        assertThat(all.get("total").asLong()).isEqualTo(1);
        assertThat(ids("status=hold")).containsExactly(hold);
        assertThat(ids("has_sim=false")).containsExactly(hold);
        assertThat(ids("has_activations=false")).containsExactly(hold);
        assertThat(ids("compatibility_zones=eu")).containsExactly(hold);
        assertThat(search(removed)).isEmpty();
        assertThat(search("gone")).isEmpty();
        assertThat(api.get("/links/" + removed, admin).status()).isEqualTo(410);
    }

    @Test
    void askingForRemovedLinksIsRefused() {
        assertRefused("status=removed", "status");
        assertRefused("status=hold&status=removed", "status");
    }

    // ---- order

    @Test
    void theDefaultOrderIsMostRecentlyUpdatedFirst() {
        String first = link("first").preActive();
        String second = link("second").preActive();
        String third = link("third").preActive();

        assertThat(ids("")).containsExactly(third, second, first);

        rename(first, "first, renamed");

        assertThat(ids("")).as("a PATCH moves the link to the top").containsExactly(first, third, second);
        assertThat(ids("sort_order=asc")).as("sort_order alone reverses the default order")
                .containsExactly(second, third, first);
    }

    @Test
    void sortsByNameIgnoringCase() {
        String delta = link("delta").preActive();
        String alpha = link("Alpha").preActive();
        String charlie = link("charlie").preActive();
        String bravo = link("BRAVO").preActive();

        assertThat(ids("sort_by=name")).containsExactly(alpha, bravo, charlie, delta);
        assertThat(ids("sort_by=name&sort_order=asc")).containsExactly(alpha, bravo, charlie, delta);
        assertThat(ids("sort_by=name&sort_order=desc")).containsExactly(delta, charlie, bravo, alpha);
    }

    @Test
    void sortsByStatusInTheAlphabeticalOrderOfItsValue() {
        String suspended = link("suspended").suspended();
        String preActive = link("pre-active").preActive();
        String hold = link("hold").hold();
        String active = link("active").active();

        assertThat(ids("sort_by=status")).containsExactly(active, hold, preActive, suspended);
        assertThat(ids("sort_by=status&sort_order=desc")).containsExactly(suspended, preActive, hold, active);
    }

    @Test
    void sortsByCreationAndByUpdateTime() {
        String first = link("first").preActive();
        String second = link("second").preActive();
        String third = link("third").preActive();
        rename(first, "first, renamed");

        assertThat(ids("sort_by=created_at")).containsExactly(first, second, third);
        assertThat(ids("sort_by=created_at&sort_order=desc")).containsExactly(third, second, first);
        assertThat(ids("sort_by=updated_at")).containsExactly(second, third, first);
        assertThat(ids("sort_by=updated_at&sort_order=desc")).containsExactly(first, third, second);
    }

    @Test
    void sortsByUsageWithTiesInIdOrder() {
        // no usage is counted yet, so every link ties and the order is the tie-breaker's
        List<String> links = List.of(link("a").active(), link("b").preActive(), link("c").active());

        assertThat(ids("sort_by=usage")).containsExactlyElementsOf(ascending(links));
        assertThat(ids("sort_by=usage&sort_order=asc")).containsExactlyElementsOf(ascending(links));
        assertThat(ids("sort_by=usage&sort_order=desc")).containsExactlyElementsOf(descending(links));
        assertThat(listing("sort_by=usage").get("items").get(0).get("usage").get("bytes_total").asLong()).isZero();
    }

    @Test
    void tiesAreBrokenByIdInTheSortDirection() {
        List<String> links = List.of(link("twin").preActive(), link("twin").preActive(), link("twin").preActive());

        assertThat(ids("sort_by=name")).containsExactlyElementsOf(ascending(links));
        assertThat(ids("sort_by=name&sort_order=desc")).containsExactlyElementsOf(descending(links));
        assertThat(ids("sort_by=status")).containsExactlyElementsOf(ascending(links));
        assertThat(ids("sort_by=status&sort_order=desc")).containsExactlyElementsOf(descending(links));
    }

    @Test
    void pagingThroughTiesShowsEveryLinkExactlyOnce() {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            links.add(link("twin").preActive());
        }

        for (String order : List.of("asc", "desc")) {
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                paged.addAll(ids("sort_by=name&sort_order=" + order + "&page_size=2&page=" + page));
            }
            assertThat(paged).as(order).containsExactlyElementsOf(ids("sort_by=name&sort_order=" + order));
            assertThat(paged).as(order).containsExactlyInAnyOrderElementsOf(links);
        }
    }

    // ---- paging

    @Test
    void pagesSplitTheListingWithALastPartialPage() {
        List<String> links = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            links.add(link(name).preActive());
        }

        JsonNode first = listing("sort_by=name&page_size=2");
        JsonNode last = listing("sort_by=name&page_size=2&page=3");

        assertEnvelope(first, 5, 1, 2, 3);
        assertThat(ids(first)).containsExactlyElementsOf(links.subList(0, 2));
        assertThat(ids("sort_by=name&page_size=2&page=2")).containsExactlyElementsOf(links.subList(2, 4));
        assertEnvelope(last, 5, 3, 2, 3);
        assertThat(ids(last)).containsExactlyElementsOf(links.subList(4, 5));
        assertEnvelope(listing("page_size=5"), 5, 1, 5, 1);
    }

    @Test
    void theDefaultPageIsTheFirstOfTwenty() {
        for (int i = 0; i < 3; i++) {
            link("link " + i).preActive();
        }

        JsonNode page = listing("");

        assertEnvelope(page, 3, 1, 20, 1);
        assertThat(page.get("items").size()).isEqualTo(3);
    }

    @Test
    void anEmptyResultHasNoPages() {
        assertEnvelope(listing(""), 0, 1, 20, 0);
        assertThat(listing("").get("items").isEmpty()).isTrue();

        link("pump").preActive();
        JsonNode noMatch = listing("search=nothing-like-this&page_size=10");
        assertEnvelope(noMatch, 0, 1, 10, 0);
        assertThat(noMatch.get("items").isEmpty()).isTrue();
    }

    @Test
    void aPagePastTheEndIsEmptyButCountsTheLinks() {
        link("a").preActive();
        link("b").preActive();
        link("c").preActive();

        JsonNode pastTheEnd = listing("page_size=2&page=4");

        assertEnvelope(pastTheEnd, 3, 4, 2, 2);
        assertThat(pastTheEnd.get("items").isEmpty()).isTrue();
    }

    /** Pages whose offset, (page - 1) * page_size, no longer fits in 32 bits: 2^32 exactly, and beyond. */
    @ParameterizedTest(name = "page {1} of size {0}")
    @CsvSource({"128, 33554433", "200, 2147483647"})
    void aPageFarPastTheEndIsEmptyToo(int pageSize, int page) {
        link("a").preActive();

        JsonNode farAway = listing("page_size=" + pageSize + "&page=" + page);

        assertEnvelope(farAway, 1, page, pageSize, 1);
        assertThat(ids(farAway)).as("items of page " + page).isEmpty();
    }

    @Test
    void pageSizeIsAtMostTwoHundredAndPagesStartAtOne() {
        link("a").preActive();

        assertEnvelope(listing("page_size=200"), 1, 1, 200, 1);
        assertEnvelope(listing("page_size=1"), 1, 1, 1, 1);
        assertRefused("page_size=201", "page_size");
        assertRefused("page_size=0", "page_size");
        assertRefused("page=0", "page");
    }

    // ---- refusals

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            colour=red                             | colour
            status=active&colour=red               | colour
            STATUS=active                          | STATUS
            status=sleeping                        | status
            status=ACTIVE                          | status
            status=active&status=sleeping          | status
            has_sim=yes                            | has_sim
            has_activations=1                      | has_activations
            network_connected=TRUE                 | network_connected
            sim_type=nano                          | sim_type
            sim_type=eSIM                          | sim_type
            countries=DE                           | countries
            countries=deu                          | countries
            countries=XYZ                          | countries
            countries=DEU&countries=fra            | countries
            network_country=DE                     | network_country
            network_country=deu                    | network_country
            status=                                | status
            has_sim=                               | has_sim
            has_activations=                       | has_activations
            sim_type=                              | sim_type
            compatibility_zones=                   | compatibility_zones
            plan_id=                               | plan_id
            coverage_id=                           | coverage_id
            countries=                             | countries
            network_country=                       | network_country
            network_connected=                     | network_connected
            search=                                | search
            sort_by=                               | sort_by
            sort_order=                            | sort_order
            page=                                  | page
            page_size=                             | page_size
            search=a&search=b                      | search
            has_sim=true&has_sim=false             | has_sim
            has_sim=true&has_sim=true              | has_sim
            has_activations=true&has_activations=true | has_activations
            network_connected=true&network_connected=false | network_connected
            sort_by=name&sort_by=status            | sort_by
            sort_order=asc&sort_order=desc         | sort_order
            page=1&page=2                          | page
            page_size=10&page_size=20              | page_size
            sort_by=colour                         | sort_by
            sort_by=nameKey                        | sort_by
            sort_by=-name                          | sort_by
            sort_order=up                          | sort_order
            sort_order=ASC                         | sort_order
            page=x                                 | page
            page=1.5                               | page
            page=-1                                | page
            page=99999999999                       | page
            page_size=x                            | page_size
            """)
    void aBadQueryIsRefusedNamingTheParameter(String query, String parameter) {
        assertRefused(query, parameter);
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        Api.Answer refused = api.get("/links?has_sim=yes&sort_by=colour&page=0&colour=red", admin);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("has_sim", "sort_by", "page", "colour");
    }

    @Test
    void aRemovedStatusIsNamedAlongWithTheOtherBadParameters() {
        Api.Answer refused = api.get("/links?status=removed&colour=red", admin);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(fields(refused)).as(refused.toString()).containsExactlyInAnyOrder("status", "colour");
    }

    // ---- helpers: links in given states

    /** A link to create on a SIM of its own: physical, in zone {@code eu}, covering Germany, unless told. */
    private LinkSpec link(String name) {
        return new LinkSpec(name);
    }

    private final class LinkSpec {

        private final String name;
        private String type = "physical";
        private List<String> zones = List.of("eu");
        private List<String> countries = List.of("DEU");

        LinkSpec(String name) {
            this.name = name;
        }

        LinkSpec esim() {
            type = "esim";
            return this;
        }

        LinkSpec zones(String... wanted) {
            zones = List.of(wanted);
            return this;
        }

        LinkSpec countries(String... wanted) {
            countries = List.of(wanted);
            return this;
        }

        String preActive() {
            return create(name, sim(type, zones, countries), List.of());
        }

        /** Active with the given plans, or with a plan of every zone when none is given. */
        String active(String... plans) {
            List<String> planIds = plans.length == 0 ? List.of(anyZonePlan) : List.of(plans);
            return create(name, sim(type, zones, countries), planIds);
        }

        String suspended() {
            String id = active();
            ok(api.post("/links/" + id + "/suspend", admin, null), 200);
            return id;
        }

        /** On hold: its SIM detached. */
        String hold() {
            String id = preActive();
            ok(api.delete("/links/" + id + "/sim", admin), 200);
            return id;
        }

        String removed() {
            String id = hold();
            ok(api.delete("/links/" + id, admin), 204);
            return id;
        }
    }

    private String sim(String type, List<String> zones, List<String> countries) {
        Api.Answer created = api.post("/sims", admin, Map.of("iccid", Fixtures.iccid(), "type", type,
                "compatibility_zones", zones, "countries", countries));
        return ok(created, 201).text("id");
    }

    private String create(String name, String simId, List<String> planIds) {
        return ok(api.post("/links", admin, Map.of("name", name, "sim_id", simId, "plan_ids", planIds)), 201)
                .text("id");
    }

    private void rename(String linkId, String name) {
        ok(api.send("PATCH", "/links/" + linkId, admin, "application/json", Api.json(Map.of("name", name))), 200);
    }

    private void removeActivations(String linkId) {
        for (JsonNode activation : ok(api.get("/links/" + linkId + "/activations", admin), 200).body().get("items")) {
            ok(api.delete("/links/" + linkId + "/activations/" + activation.get("id").asText(), admin), 204);
        }
    }

    /** Reads the link by id, which asks the provider for its network status and records a change later. */
    private void observeNetwork(String linkId) {
        ok(api.get("/links/" + linkId, admin), 200);
    }

    // ---- helpers: reading the listing

    private JsonNode listing(String query) {
        return ok(api.get("/links?" + query, admin), 200).body();
    }

    private List<String> ids(String query) {
        return ids(listing(query));
    }

    private List<String> search(String text) {
        return ids("search=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static void assertEnvelope(JsonNode page, long total, int number, int size, long pages) {
        assertThat(page.get("total").asLong()).as("total of " + page).isEqualTo(total);
        assertThat(page.get("page").asInt()).as("page of " + page).isEqualTo(number);
        assertThat(page.get("page_size").asInt()).as("page_size of " + page).isEqualTo(size);
        assertThat(page.get("pages").asLong()).as("pages of " + page).isEqualTo(pages);
    }

    private void assertRefused(String query, String parameter) {
        Api.Answer refused = api.get("/links?" + query, admin);

        assertThat(refused.status()).as(query + " answered " + refused).isEqualTo(422);
        assertThat(refused.header("Content-Type")).as(query).startsWith("application/problem+json");
        assertThat(refused.text("code")).as(query).isEqualTo("validation_error");
        assertThat(fields(refused)).as(query + " answered " + refused).contains(parameter);
    }

    private static List<String> fields(Api.Answer refused) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = refused.body().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asText()));
        }
        return fields;
    }

    private static Api.Answer ok(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private static List<String> ascending(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static List<String> descending(List<String> ids) {
        return ids.stream().sorted(Comparator.reverseOrder()).toList();
    }
}
