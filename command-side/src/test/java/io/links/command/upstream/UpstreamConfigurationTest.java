package io.links.command.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(UpstreamConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void bindsTheDocumentedDefaultsWhenNothingIsSet() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(UpstreamProperties.class)).isEqualTo(UpstreamProperties.defaults());
        });
    }

    @Test
    void bindsEverySetting() {
        context.withPropertyValues("links.upstream.latency=25", "links.upstream.failure-rate=0.2",
                "links.upstream.sms-failure-rate=0.5", "links.upstream.seed=7", "links.upstream.timeout=1s",
                "links.upstream.max-attempts=5", "links.upstream.retry-backoff=10ms").run(started ->
                assertThat(started.getBean(UpstreamProperties.class)).isEqualTo(new UpstreamProperties(
                        Duration.ofMillis(25), 0.2, 0.5, 7, Duration.ofSeconds(1), 5, Duration.ofMillis(10))));
    }

    @Test
    void refusesToStartWithAFailureRateAboveOne() {
        context.withPropertyValues("links.upstream.failure-rate=1.5").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("failureRate");
        });
    }

    @Test
    void refusesToStartWithMoreThanTenAttempts() {
        context.withPropertyValues("links.upstream.max-attempts=11").run(started ->
                assertThat(started).hasFailed());
    }

    @Test
    void givesEveryUserOfTheUpstreamTheResilientOneInFrontOfTheSimulator() {
        context.run(started -> {
            assertThat(started).hasSingleBean(ProviderSimulator.class);
            assertThat(started.getBean(Upstream.class)).isInstanceOf(ResilientUpstream.class);
            assertThat(started.getBean(ResilientUpstream.class).state()).isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }
}
