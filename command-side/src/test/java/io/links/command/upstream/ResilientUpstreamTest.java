package io.links.command.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.links.api.catalog.SimType;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ResilientUpstreamTest {

    private static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123", null,
            SimType.PHYSICAL, "simulator", List.of("eu"), List.of("DEU"));
    private static final NetworkStatus CONNECTED = new NetworkStatus(true, "DEU", "Vodafone", NetworkType.G4,
            Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));

    private final FakeUpstream provider = new FakeUpstream();
    private ResilientUpstream upstream;

    @AfterEach
    void closeUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void retriesAnIdempotentCallUntilItSucceeds() {
        upstream = resilient(Duration.ofSeconds(2), 3);
        provider.failNext(2);

        NetworkStatus status = upstream.networkStatus(SIM);

        assertThat(status).isEqualTo(CONNECTED);
        assertThat(provider.calls.get()).isEqualTo(3);
        assertThat(upstream.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheProvidersReason() {
        upstream = resilient(Duration.ofSeconds(2), 3);
        provider.failNext(5);

        assertThatThrownBy(() -> upstream.suspend(SIM)).isInstanceOf(UpstreamException.class)
                .hasMessage("fake provider: failure 3");
        assertThat(provider.calls.get()).isEqualTo(3);
    }

    @Test
    void neverRetriesSendingAnSms() {
        upstream = resilient(Duration.ofSeconds(2), 3);
        provider.failNext(1);

        assertThatThrownBy(() -> upstream.sendSms(SIM, "hello")).isInstanceOf(UpstreamException.class)
                .hasMessage("fake provider: failure 1");
        assertThat(provider.calls.get()).isEqualTo(1);
        assertThat(upstream.sendSms(SIM, "hello")).isEqualTo("sms-2");
    }

    @Test
    void timesOutASlowCallAndCancelsIt() {
        Duration timeout = Duration.ofMillis(200);
        upstream = resilient(timeout, 1);
        provider.block();

        long start = System.nanoTime();
        assertThatThrownBy(() -> upstream.activate(SIM, "act-1", null)).isInstanceOf(UpstreamException.class)
                .hasMessage("provider did not answer within 200 ms (activate)");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(1));
        await().atMost(Duration.ofSeconds(2)).untilTrue(provider.interrupted);
    }

    @Test
    void retriesACallThatTimedOut() {
        upstream = resilient(Duration.ofMillis(100), 2);
        provider.blockOnce();

        Usage usage = upstream.usage(SIM, "act-1");

        assertThat(usage).isEqualTo(new Usage(1, 2, 3, 0));
        assertThat(provider.calls.get()).isEqualTo(2);
    }

    @Test
    void opensTheBreakerAfterEnoughFailuresAndThenFailsFastWithoutCallingTheProvider() {
        upstream = resilient(Duration.ofSeconds(2), 1);
        provider.failNext(Integer.MAX_VALUE);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> upstream.bar(SIM, Set.of(NetworkType.G2))).isInstanceOf(UpstreamException.class);
        }
        assertThat(upstream.state()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = provider.calls.get();

        assertThatThrownBy(() -> upstream.unbar(SIM, Set.of(NetworkType.G2))).isInstanceOf(UpstreamException.class)
                .hasMessage("provider unavailable: circuit breaker open");
        assertThatThrownBy(() -> upstream.sendSms(SIM, "hello"))
                .hasMessage("provider unavailable: circuit breaker open");

        assertThat(callsWhenOpened).isEqualTo(10);
        assertThat(provider.calls.get()).isEqualTo(callsWhenOpened);
    }

    @Test
    void neitherRetriesNorCountsAnExceptionThatIsNoProviderFailure() {
        upstream = resilient(Duration.ofSeconds(2), 3);
        provider.answer(() -> {
            throw new IllegalStateException("a bug");
        });

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> upstream.networkStatus(SIM)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("a bug");
        }

        assertThat(provider.calls.get()).isEqualTo(10);
        assertThat(upstream.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void runsTheCallWithTheCallersLoggingContext() {
        upstream = resilient(Duration.ofSeconds(2), 1);
        AtomicReference<String> seen = new AtomicReference<>();
        provider.answer(() -> {
            seen.set(MDC.get("request_id"));
            return CONNECTED;
        });

        MDC.put("request_id", "req-1");
        try {
            upstream.networkStatus(SIM);
        } finally {
            MDC.remove("request_id");
        }

        assertThat(seen.get()).isEqualTo("req-1");
    }

    private ResilientUpstream resilient(Duration timeout, int maxAttempts) {
        return new ResilientUpstream(provider, new UpstreamProperties(Duration.ZERO, 0, 0, 42, timeout, maxAttempts,
                Duration.ofMillis(1)));
    }

    /**
     * A provider whose answers the test decides: it may fail a number of calls first, block until it is
     * interrupted, or answer with whatever the test gives it.
     */
    private static final class FakeUpstream implements Upstream {
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private final AtomicInteger blocksLeft = new AtomicInteger();
        private final AtomicBoolean interrupted = new AtomicBoolean();
        private final CountDownLatch never = new CountDownLatch(1);
        private volatile Supplier<Object> answer;

        void failNext(int count) {
            failuresLeft.set(count);
        }

        void block() {
            blocksLeft.set(Integer.MAX_VALUE);
        }

        void blockOnce() {
            blocksLeft.set(1);
        }

        void answer(Supplier<Object> answer) {
            this.answer = answer;
        }

        /** Counts the call, then fails, blocks or answers {@code normal} as the test asked. */
        private <T> T call(Supplier<T> normal) {
            int call = calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new UpstreamException("fake provider: failure " + call);
            }
            if (blocksLeft.getAndDecrement() > 0) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw new UpstreamException("fake provider: interrupted");
                }
            }
            if (answer != null) {
                @SuppressWarnings("unchecked")
                T answered = (T) answer.get();
                return answered;
            }
            return normal.get();
        }

        @Override
        public void provision(SimSnapshot sim, Map<String, PlanSnapshot> activations, Set<NetworkType> barred) {
            call(() -> null);
        }

        @Override
        public void activate(SimSnapshot sim, String activationId, PlanSnapshot plan) {
            call(() -> null);
        }

        @Override
        public void deactivate(SimSnapshot sim, String activationId) {
            call(() -> null);
        }

        @Override
        public void suspend(SimSnapshot sim) {
            call(() -> null);
        }

        @Override
        public void resume(SimSnapshot sim) {
            call(() -> null);
        }

        @Override
        public void bar(SimSnapshot sim, Set<NetworkType> types) {
            call(() -> null);
        }

        @Override
        public void unbar(SimSnapshot sim, Set<NetworkType> types) {
            call(() -> null);
        }

        @Override
        public void lockImei(SimSnapshot sim, String imei) {
            call(() -> null);
        }

        @Override
        public void unlockImei(SimSnapshot sim) {
            call(() -> null);
        }

        @Override
        public String sendSms(SimSnapshot sim, String message) {
            return call(() -> "sms-" + calls.get());
        }

        @Override
        public void release(SimSnapshot sim) {
            call(() -> null);
        }

        @Override
        public void deleteEndpoint(String linkId) {
            call(() -> null);
        }

        @Override
        public NetworkStatus networkStatus(SimSnapshot sim) {
            return call(() -> CONNECTED);
        }

        @Override
        public Usage usage(SimSnapshot sim, String activationId) {
            return call(() -> new Usage(1, 2, 3, 0));
        }
    }
}
