package io.links.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.links.app.support.Api;
import io.links.app.support.Fixtures;
import io.links.app.support.TestStores;
import io.links.command.upstream.ProviderSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long a 10,000-link bulk suspend takes from its request to its task's completion, and how many items a second
 * that is, once with an instant provider and once with a provider that takes 20 ms per call. Not part of the test
 * run:
 *
 * <pre>./mvnw -B -pl app -am test -Dtest=BulkBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>{@code -Dbenchmark.links=N} changes the size. The links are created through the API beforehand, active with
 * one plan, and the runs start once the read model shows them all, after an untimed warm-up on a fifth of them;
 * between the two suspends a bulk resume makes them active again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"links.operator-key=" + Api.OPERATOR_KEY, "links.demo-data=false", "links.usage.interval=0"})
class BulkBenchmark {

    private static final Path DATA_DIR = TestStores.newDataDir();

    @LocalServerPort
    private int port;

    @Autowired
    private ProviderSimulator simulator;

    @Autowired
    private JdbcTemplate events;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, DATA_DIR);
    }

    @Test
    void bulkSuspendThroughput() throws Exception {
        int count = Integer.getInteger("benchmark.links", 10_000);
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(api);
        String key = fixtures.organisation();
        String plan = fixtures.plan(key, fixtures.coverage(key, "DEU"), "eu");
        long setup = System.nanoTime();
        List<String> links = fixtures.activeLinks(key, plan, count);
        System.out.printf(Locale.ROOT, "%nCreated %,d active links in %.1f s (%s)%n", count,
                (System.nanoTime() - setup) / 1e9, TestStores.containers() ? "PostgreSQL and MongoDB containers"
                        : "embedded PostgreSQL and mongo-java-server");
        // the timed runs start once the read model holds the links, so that none pays for projecting the set-up
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> api.get(
                "/links?status=active&page_size=1", key).body().get("total").asInt() == count);
        System.out.printf(Locale.ROOT, "Read model holds them %.1f s after the start of the set-up%n",
                (System.nanoTime() - setup) / 1e9);

        simulator.latency(Duration.ZERO);
        // as in any JVM benchmark, the timed runs start with the code compiled: a fifth of the links, untimed
        List<String> warmUp = links.subList(0, Math.max(1, count / 5));
        report("warm-up suspend (untimed)", run(api, key, "suspend", warmUp));
        report("warm-up resume (untimed)", run(api, key, "resume", warmUp));
        report("suspend, provider 0 ms", run(api, key, "suspend", links));
        report("resume, provider 0 ms", run(api, key, "resume", links));
        simulator.latency(Duration.ofMillis(20));
        report("suspend, provider 20 ms", run(api, key, "suspend", links));
        simulator.latency(Duration.ZERO);
    }

    private double[] run(Api api, String key, String operation, List<String> links) {
        long start = System.nanoTime();
        long cpuAtStart = cpuNanos();
        long gcAtStart = gcMillis();
        long jitAtStart = jitMillis();
        long postgresAtStart = postgresCpuNanos();
        Api.Answer accepted = api.post("/links/bulk/" + operation, key, Map.of("link_ids", links));
        double answered = (System.nanoTime() - start) / 1e9;
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String task = accepted.text("id");
        JsonNode done = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/tasks/" + task, key).body(),
                        view -> "completed".equals(view.get("status").asText()));
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant shown = Instant.now();
        assertThat(done.get("completed_items").asInt()).as(done.toString()).isEqualTo(links.size());
        List<Instant> times = eventTimes(task);
        return new double[] {links.size(), seconds, seconds(times.get(0), times.get(times.size() - 1)),
            (cpuNanos() - cpuAtStart) / 1e9, (postgresCpuNanos() - postgresAtStart) / 1e9,
            (gcMillis() - gcAtStart) / 1e3, (jitMillis() - jitAtStart) / 1e3, answered,
            seconds(times.get(times.size() - 1), shown)};
    }

    /** The CPU time all PostgreSQL processes on this machine have used so far: the embedded server's, here. */
    private static long postgresCpuNanos() {
        return ProcessHandle.allProcesses().map(ProcessHandle::info)
                .filter(info -> info.command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(info -> info.totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** The CPU time this JVM, which runs the whole service but its PostgreSQL, has used so far. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The time this JVM's garbage collectors have taken so far, pauses and concurrent work alike. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }

    /**
     * The CPU time this JVM's just-in-time compiler threads have used so far, as Linux counts it per thread (0
     * elsewhere): compiling still going on makes a run slower. The JVM's own compilation time counts waiting for a
     * core too. A compiler thread that the JVM stops during a run takes its time with it, so with more cores than
     * here, where the JVM runs more compiler threads and stops those it no longer needs, the figure can come out
     * low.
     */
    private static long jitMillis() {
        File[] threads = new File("/proc/self/task").listFiles();
        long ticks = 0;
        for (File thread : threads == null ? new File[0] : threads) {
            try {
                String stat = Files.readString(thread.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.matches("C\\d CompilerThre.*")) {
                    // after the name: state, ten more fields, then user and system time in ticks of 10 ms
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            } catch (IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return ticks * 10;
    }

    /** When the task's events were recorded, in order: from its start to its end, its run without the read model. */
    private List<Instant> eventTimes(String task) {
        return events.queryForList("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, task).stream().map(Instant::parse).toList();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1e3;
    }

    private static void report(String what, double[] run) {
        System.out.printf(Locale.ROOT, "Bulk %-26s %,7d items in %6.2f s = %7.0f items/s (events of the task "
                + "recorded within %.2f s; CPU %.1f s in the JVM, %.1f s in PostgreSQL; garbage collection %.1f s; "
                + "JIT compilers %.1f s; 202 after %.2f s; completion shown %.2f s after the last event)%n",
                what, (int) run[0], run[1], run[0] / run[1], run[2], run[3], run[4], run[5], run[6], run[7], run[8]);
    }
}
