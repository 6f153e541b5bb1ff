package io.links.app.support;

import io.links.api.validation.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds what a test needs through the API: an organisation of its own, and catalog entries in it.
 */
public final class Fixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    /** A new organisation; answers its admin key. */
    public String organisation() {
        Api.Answer created = api.post("/organisations", Api.OPERATOR_KEY, Map.of("name", "Org " + serial()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("api_key");
    }

    public String coverage(String key, String... countries) {
        return created(api.post("/coverages", key, Map.of("name", "Coverage " + serial(),
                "countries", List.of(countries))));
    }

    public String plan(String key, String coverageId, String... zones) {
        return created(api.post("/plans", key, Map.of("name", "Plan " + serial(), "data_bytes", 1_000_000,
                "validity_days", 30, "compatibility_zones", List.of(zones), "coverage_id", coverageId)));
    }

    public String sim(String key, String... zones) {
        return created(api.post("/sims", key, Map.of("iccid", iccid(), "msisdn", "4477" + (10_000_000 + serial()),
                "type", "physical", "compatibility_zones", List.of(zones), "countries", List.of("DEU"))));
    }

    /** A link on a new SIM of {@code zones}, with the given plans activated. */
    public Api.Answer link(String key, String name, List<String> planIds, String... zones) {
        return api.post("/links", key, Map.of("name", name, "sim_id", sim(key, zones), "plan_ids", planIds));
    }

    /** {@code count} links active on {@code planId}, each on a new SIM of zone {@code eu}, created 8 at a time. */
    public List<String> activeLinks(String key, String planId, int count) throws Exception {
        int threads = 8;
        List<Callable<List<String>>> batches = new ArrayList<>();
        for (int batch = 0; batch < threads; batch++) {
            int size = count / threads + (batch < count % threads ? 1 : 0);
            batches.add(() -> {
                List<String> created = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    created.add(created(link(key, "device", List.of(planId), "eu")));
                }
                return created;
            });
        }
        List<String> links = new ArrayList<>();
        Concurrently.all(batches).forEach(links::addAll);
        return links;
    }

    /** A fresh valid ICCID. */
    public static String iccid() {
        return Identifiers.withCheckDigit("8944" + String.format("%014d", serial()));
    }

    private static int serial() {
        return SERIAL.incrementAndGet();
    }

    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }
}
