package io.links.app.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.links.api.catalog.SimType;
import io.links.api.link.LinkStatus;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.app.support.Api;
import io.links.app.store.EmbeddedMongo;
import io.links.app.support.TestStores;
import io.links.query.link.LinkDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast {@code GET /links} answers at 100,000 links in one organisation, for each filter and for search, next
 * to the same query sent straight to the read-model store with the MongoDB driver: the ratio is what the service's
 * layers (HTTP, authentication, mapping, JSON) cost on top of the store. Not part of the test run:
 *
 * <pre>./mvnw -B -pl app -am test -Dtest=ListingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>{@code -Dbenchmark.links=N} and {@code -Dbenchmark.iterations=N} change the size and the number of timed
 * requests per query. The links are written straight into the read model, as the projection would have left
 * them, since the benchmark measures reading; creating them through the API would measure the command side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"links.operator-key=" + Api.OPERATOR_KEY, "links.demo-data=false", "links.usage.interval=0"})
class ListingBenchmark {

    private static final Path DATA_DIR = TestStores.newDataDir();
    private static final String[] ZONES = {"eu", "global", "apac", "na"};
    private static final String[] COUNTRIES = {"DEU", "FRA", "ESP", "ITA", "NLD", "POL"};
    private static final List<LinkStatus> STATUSES = List.of(LinkStatus.ACTIVE, LinkStatus.ACTIVE,
            LinkStatus.ACTIVE, LinkStatus.PRE_ACTIVE, LinkStatus.SUSPENDED, LinkStatus.HOLD, LinkStatus.REMOVED);

    @LocalServerPort
    private int port;

    @Autowired
    private MongoTemplate mongo;

    @Value("${spring.data.mongodb.uri:}")
    private String configuredUri;

    @Autowired(required = false)
    private EmbeddedMongo embedded;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, DATA_DIR);
    }

    @Test
    void listingLatencyAgainstTheStoreItself() {
        int links = Integer.getInteger("benchmark.links", 100_000);
        int iterations = Integer.getInteger("benchmark.iterations", 20);
        Api api = new Api(port);
        Api.Answer organisation = api.post("/organisations", Api.OPERATOR_KEY, Map.of("name", "Benchmark"));
        String key = organisation.text("api_key");
        String organisationId = organisation.text("id");
        long loadStart = System.nanoTime();
        load(organisationId, links);
        System.out.printf(Locale.ROOT, "%nLoaded %,d links into one organisation in %.1f s (%s)%n", links,
                (System.nanoTime() - loadStart) / 1e9, TestStores.containers() ? "MongoDB container"
                        : "embedded mongo-java-server, H2 file backend");

        String uri = configuredUri.isEmpty() ? "mongodb://127.0.0.1:" + embedded.port()
                : configuredUri;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(uri.contains("/links") ? "links" : "links")
                    .getCollection(LinkDocument.COLLECTION);
            Bson org = Filters.eq("organisationId", organisationId);
            Bson listed = Filters.ne("status", "REMOVED");
            List<Scenario> scenarios = List.of(
                    new Scenario("no filter", "", Filters.and(org, listed)),
                    new Scenario("status=suspended", "status=suspended",
                            Filters.and(org, Filters.in("status", List.of("SUSPENDED")))),
                    new Scenario("has_sim=false", "has_sim=false", Filters.and(org, listed, Filters.eq("sim", null))),
                    new Scenario("has_activations=true", "has_activations=true",
                            Filters.and(org, listed, Filters.exists("activePlanIds.0", true))),
                    new Scenario("sim_type=esim", "sim_type=esim",
                            Filters.and(org, listed, Filters.in("simType", List.of("esim")))),
                    new Scenario("compatibility_zones=apac", "compatibility_zones=apac",
                            Filters.and(org, listed, Filters.in("compatibilityZones", List.of("apac")))),
                    new Scenario("plan_id=plan-3", "plan_id=plan-3",
                            Filters.and(org, listed, Filters.in("activePlanIds", List.of("plan-3")))),
                    new Scenario("coverage_id=cov-2", "coverage_id=cov-2",
                            Filters.and(org, listed, Filters.in("activeCoverageIds", List.of("cov-2")))),
                    new Scenario("countries=FRA", "countries=FRA",
                            Filters.and(org, listed, Filters.in("simCountries", List.of("FRA")))),
                    new Scenario("network_country=ESP", "network_country=ESP",
                            Filters.and(org, listed, Filters.in("networkStatus.country", List.of("ESP")))),
                    new Scenario("network_connected=true", "network_connected=true",
                            Filters.and(org, listed, Filters.eq("networkStatus.connected", true))),
                    new Scenario("search=ce 0421", "search=" + URLEncoder.encode("ce 0421", StandardCharsets.UTF_8),
                            Filters.and(org, listed, Filters.regex("searchText", "ce 0421"))));

            System.out.printf(Locale.ROOT, "%-26s %8s | %28s | %28s | %s%n", "GET /links?", "matches",
                    "service p50 / p95 / p99 ms", "driver p50 / p95 / p99 ms", "p95 ratio");
            for (Scenario scenario : scenarios) {
                Api.Answer first = api.get("/links?" + scenario.query(), key);
                assertThat(first.status()).as(first.toString()).isEqualTo(200);
                long matches = first.body().get("total").asLong();
                assertThat(collection.countDocuments(scenario.direct())).as(scenario.name()).isEqualTo(matches);
                double[] service = time(iterations, () -> api.get("/links?" + scenario.query(), key).status());
                double[] driver = time(iterations, () -> {
                    collection.countDocuments(scenario.direct());
                    return collection.find(scenario.direct())
                            .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.descending("_id")))
                            .limit(20).into(new ArrayList<>()).size();
                });
                System.out.printf(Locale.ROOT, "%-26s %8d | %8.1f / %8.1f / %8.1f | %8.1f / %8.1f / %8.1f | %.2f%n",
                        scenario.name(), matches, service[0], service[1], service[2], driver[0], driver[1],
                        driver[2], service[1] / driver[1]);
            }
        }
    }

    /** The percentiles 50, 95 and 99 of {@code iterations} timed calls, in milliseconds, after two warm-ups. */
    private static double[] time(int iterations, Supplier<Object> call) {
        call.get();
        call.get();
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {percentile(millis, 50), percentile(millis, 95), percentile(millis, 99)};
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Writes {@code count} links as the projection would have, with a spread of every filtered field. */
    private void load(String organisationId, int count) {
        Random random = new Random(7);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<LinkDocument> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            LinkStatus status = STATUSES.get(random.nextInt(STATUSES.size()));
            String name = String.format(Locale.ROOT, "Device %06d", i);
            boolean hasSim = status != LinkStatus.HOLD && status != LinkStatus.REMOVED;
            List<String> zones = List.of(ZONES[random.nextInt(ZONES.length)], "global");
            List<String> countries = List.of(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            SimType type = random.nextInt(10) < 3 ? SimType.ESIM : SimType.PHYSICAL;
            SimSnapshot sim = hasSim ? new SimSnapshot(UUID.randomUUID().toString(),
                    String.format(Locale.ROOT, "89445%014d", i), "4477" + (10_000_000 + i), null, type, "simulator",
                    zones, countries) : null;
            boolean activations = status == LinkStatus.ACTIVE || status == LinkStatus.SUSPENDED;
            int plan = random.nextInt(10);
            boolean connected = status == LinkStatus.ACTIVE && random.nextBoolean();
            NetworkStatus network = connected ? new NetworkStatus(true, countries.get(0), "KPN", NetworkType.G4,
                    start, start) : NetworkStatus.UNKNOWN;
            long traffic = activations ? random.nextInt(50_000_000) : 0;
            Instant created = start.plusSeconds(i * 60L);
            Instant updated = created.plusSeconds(random.nextInt(1_000_000));
            batch.add(new LinkDocument(id, organisationId, name, name.toLowerCase(Locale.ROOT),
                    id + "\n" + name.toLowerCase(Locale.ROOT) + (sim == null ? "" : "\n" + sim.iccid()), status, sim,
                    sim == null ? null : type.value(), sim == null ? List.of() : countries, zones,
                    activations ? List.of("plan-" + plan) : List.of(),
                    activations ? List.of("cov-" + plan % 3) : List.of(), List.of(),
                    new Usage(traffic / 3, traffic - traffic / 3, traffic, 0), traffic, network, List.of(), null,
                    "{}", 3, created, updated));
            if (batch.size() == 1_000) {
                mongo.insertAll(batch);
                batch.clear();
            }
        }
        mongo.insertAll(batch);
    }

    private record Scenario(String name, String query, Bson direct) {
    }
}
