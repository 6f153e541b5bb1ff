package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.api.link.NetworkType;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import io.links.app.support.Fixtures;
import io.links.command.upstream.SimState;
import io.links.command.upstream.SimState.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand random commands over fifty links while the provider fails a fifth of its calls; afterwards the
 * provider and the read model must tell the same story about every link.
 */
class UpstreamConsistencyTest extends ApiTest {

    private static final int LINKS = 50;
    private static final int COMMANDS = 1000;
    private static final List<String> TYPES = List.of("2g", "3g", "4g", "5g", "lte_m", "nb_iot");

    @Test
    void providerAndReadModelAgreeAfterAThousandRandomCommandsWithFailures() {
        String admin = fixtures.organisation();
        String coverage = fixtures.coverage(admin, "DEU");
        List<String> plans = List.of(fixtures.plan(admin, coverage, "eu"), fixtures.plan(admin, coverage, "eu"));
        List<String> links = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            Api.Answer link = api.post("/links", admin, Map.of("name", "device " + i, "sim_id", sim(admin),
                    "plan_ids", i % 2 == 0 ? List.of(plans.get(0)) : List.of()));
            assertThat(link.status()).as(link.toString()).isEqualTo(201);
            links.add(link.text("id"));
        }
        List<String> freeSims = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            freeSims.add(sim(admin));
        }
        Set<String> everSims = new HashSet<>(freeSims);
        Random random = new Random(20261203);
        Map<Integer, Integer> statuses = new TreeMap<>();
        simulator.failureRate(0.2);

        for (int i = 0; i < COMMANDS; i++) {
            String link = links.get(random.nextInt(LINKS));
            Api.Answer answer = randomCommand(admin, link, plans, freeSims, random);
            statuses.merge(answer.status(), 1, Integer::sum);
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 204, 404, 422, 502);
        }
        simulator.failureRate(0);
        upstream.reset();

        assertThat(statuses).as("answers by status").containsKeys(200, 422, 502);
        for (String link : links) {
            JsonNode view = api.get("/links/" + link, admin).body();
            if (view.get("sim").isNull()) {
                // the provider knows SIMs, not links: a link on hold has nothing there, and its activations wait
                // to be provisioned with its next SIM; the SIM it gave up is checked with the free ones below
                continue;
            }
            String iccid = view.get("sim").get("iccid").asText();
            everSims.add(view.get("sim").get("id").asText());
            Optional<SimState> provider = simulator.state(iccid);
            assertThat(provider).as("provider knows the SIM of link %s", link).isPresent();
            SimState state = provider.get();
            assertThat(state.status()).as("status of %s", link)
                    .isEqualTo("suspended".equals(view.get("status").asText()) ? Status.SUSPENDED
                            : Status.ACTIVE);
            assertThat(state.barredTypes()).as("barred types of %s", link).isEqualTo(barred(view));
            assertThat(state.imeiLock()).as("IMEI lock of %s", link)
                    .isEqualTo(view.get("imei_lock").isNull() ? null : view.get("imei_lock").asText());
            assertThat(state.activationIds()).as("activations of %s", link)
                    .containsExactlyInAnyOrderElementsOf(activationIds(admin, link));
        }
        for (String sim : freeSims) {
            String iccid = api.get("/sims/" + sim, admin).text("iccid");
            simulator.state(iccid).ifPresent(state -> {
                assertThat(state.status()).as("free SIM %s", sim).isEqualTo(Status.RELEASED);
                assertThat(state.activationIds()).as("free SIM %s", sim).isEmpty();
            });
        }
    }

    private Api.Answer randomCommand(String admin, String link, List<String> plans, List<String> freeSims,
                                     Random random) {
        String path = "/links/" + link;
        switch (random.nextInt(12)) {
            case 0:
                return api.post(path + "/suspend", admin, null);
            case 1:
                return api.post(path + "/resume", admin, null);
            case 2:
                return api.post(path + "/bar", admin, Map.of("network_types", someTypes(random)));
            case 3:
                return api.post(path + "/unbar", admin, Map.of("network_types", someTypes(random)));
            case 4:
                return api.post(path + "/imei-lock", admin, null);
            case 5:
                return api.delete(path + "/imei-lock", admin);
            case 6:
                return api.post(path + "/activations", admin, Map.of("plan_id", plans.get(random.nextInt(2))));
            case 7:
                List<String> activations = activationIds(admin, link);
                String activation = activations.isEmpty() ? "none"
                        : activations.get(random.nextInt(activations.size()));
                return api.delete(path + "/activations/" + activation, admin);
            case 8:
                JsonNode sim = api.get(path, admin).body().get("sim");
                Api.Answer detached = api.delete(path + "/sim", admin);
                if (detached.status() == 200) {
                    freeSims.add(sim.get("id").asText());
                }
                return detached;
            case 9:
                if (freeSims.isEmpty()) {
                    return api.post(path + "/resume", admin, null);
                }
                String free = freeSims.get(random.nextInt(freeSims.size()));
                Api.Answer attached = api.post(path + "/sim", admin, Map.of("sim_id", free));
                if (attached.status() == 200) {
                    freeSims.remove(free);
                }
                return attached;
            case 10:
                return api.post(path + "/sms", admin, Map.of("message", "ping " + random.nextInt(100)));
            default:
                return api.send("PATCH", path, admin, "application/json", "{\"name\":\"n" + random.nextInt(9) + "\"}");
        }
    }

    private String sim(String admin) {
        Api.Answer sim = api.post("/sims", admin, Map.of("iccid", Fixtures.iccid(), "msisdn", "447700900777",
                "imei", "490154203237518", "type", "physical", "compatibility_zones", List.of("eu")));
        assertThat(sim.status()).as(sim.toString()).isEqualTo(201);
        return sim.text("id");
    }

    private List<String> activationIds(String admin, String link) {
        Api.Answer page = api.get("/links/" + link + "/activations?page_size=200", admin);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> someTypes(Random random) {
        List<String> types = new ArrayList<>(TYPES);
        Collections.shuffle(types, random);
        return types.subList(0, 1 + random.nextInt(3));
    }

    private static Set<NetworkType> barred(JsonNode view) {
        Set<NetworkType> types = EnumSet.noneOf(NetworkType.class);
        view.get("barred_network_types").forEach(type -> types.add(NetworkType.fromValue(type.asText())));
        return types;
    }
}
