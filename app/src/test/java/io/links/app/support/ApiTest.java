package io.links.app.support;

import io.links.command.upstream.ProviderSimulator;
import io.links.command.upstream.ResilientUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Base of the HTTP tests: the whole service on a random port over the test stores. All subclasses share one running
 * service; each test works in organisations of its own, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"links.operator-key=" + Api.OPERATOR_KEY, "links.demo-data=false",
            // tests take usage snapshots when they want one, so that no round changes a link in the middle of a test
            "links.usage.interval=0",
            // small chunks, few at once: even a test's handful of links makes a task of several chunks
            "links.bulk.chunk-size=10", "links.bulk.chunks-in-flight=2"})
public abstract class ApiTest {

    private static final Path DATA_DIR = TestStores.newDataDir();

    @LocalServerPort
    private int port;

    /** The provider simulator, for tests that make it fail or slow; each test leaves it healthy again. */
    @Autowired
    protected ProviderSimulator simulator;

    /** The resilient provider client, whose circuit breaker a failing provider opens. */
    @Autowired
    protected ResilientUpstream upstream;

    protected Api api;
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, DATA_DIR);
    }

    /** A test that failed or slowed the provider must not leave the next test with it, or with an open breaker. */
    @AfterEach
    void healthyProvider() {
        simulator.failureRate(0);
        simulator.smsFailureRate(0);
        simulator.latency(Duration.ZERO);
        upstream.reset();
    }

    @BeforeEach
    void client() {
        api = new Api(port);
        fixtures = new Fixtures(api);
    }
}
