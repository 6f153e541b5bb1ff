package io.links.command.upstream;

import io.links.api.catalog.SimType;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.command.upstream.SimState.Status;
import io.links.command.upstream.SimState.Sms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final SimSnapshot SIM = new SimSnapshot("sim-1", "8944500000000000006", "447700900123",
            "356938035643809", SimType.PHYSICAL, "simulator", List.of("eu"), List.of("DEU", "FRA"));
    private static final SimSnapshot OTHER_SIM = new SimSnapshot("sim-2", "8944500000000000014", "447700900124",
            null, SimType.ESIM, "simulator", List.of("eu"), List.of());
    private static final PlanSnapshot PLAN = new PlanSnapshot("plan-eu", "EU 1 GB", 1_000_000_000L, 30, "cov-1",
            List.of("eu"), false);
    private static final PlanSnapshot OTHER_PLAN = new PlanSnapshot("plan-eu-5", "EU 5 GB", 5_000_000_000L, 30,
            "cov-1", List.of("eu"), false);

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void keepsTheStateOfEachSimThroughEveryOperation() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());

        simulator.activate(SIM, "act-1", PLAN);
        simulator.activate(SIM, "act-2", OTHER_PLAN);
        simulator.bar(SIM, Set.of(NetworkType.G2, NetworkType.G3));
        simulator.lockImei(SIM, "356938035643809");
        String smsId = simulator.sendSms(SIM, "hello");
        simulator.suspend(SIM);
        simulator.unlockImei(OTHER_SIM);

        assertThat(simulator.state(SIM.iccid())).hasValue(new SimState(Status.SUSPENDED,
                Map.of("act-1", "plan-eu", "act-2", "plan-eu-5"), Set.of(NetworkType.G2, NetworkType.G3),
                "356938035643809", List.of(new Sms(smsId, "hello"))));
        assertThat(simulator.state(OTHER_SIM.iccid())).hasValue(new SimState(Status.ACTIVE, Map.of(), Set.of(),
                null, List.of()));

        simulator.resume(SIM);
        simulator.deactivate(SIM, "act-1");
        simulator.unbar(SIM, Set.of(NetworkType.G3));
        simulator.unlockImei(SIM);

        SimState state = simulator.state(SIM.iccid()).orElseThrow();
        assertThat(state.status()).isEqualTo(Status.ACTIVE);
        assertThat(state.activationIds()).containsExactly("act-2");
        assertThat(state.barredTypes()).containsExactly(NetworkType.G2);
        assertThat(state.imeiLock()).isNull();

        simulator.release(SIM);

        assertThat(simulator.state(SIM.iccid()).orElseThrow().status()).isEqualTo(Status.RELEASED);
        assertThat(simulator.state(SIM.iccid()).orElseThrow().activationIds()).isEmpty();
    }

    @Test
    void provisioningReplacesWhateverTheSimHadEvenAfterItsRelease() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.activate(SIM, "act-old", PLAN);
        simulator.bar(SIM, EnumSet.of(NetworkType.G2));
        simulator.lockImei(SIM, SIM.imei());
        simulator.release(SIM);

        simulator.provision(SIM, Map.of("act-1", PLAN, "act-2", OTHER_PLAN), EnumSet.of(NetworkType.G3));

        SimState state = simulator.state(SIM.iccid()).orElseThrow();
        assertThat(state.status()).isEqualTo(Status.ACTIVE);
        assertThat(state.activations()).containsOnly(Map.entry("act-1", PLAN.id()), Map.entry("act-2",
                OTHER_PLAN.id()));
        assertThat(state.barredTypes()).containsExactly(NetworkType.G3);
        assertThat(state.imeiLock()).isNull();
    }

    @Test
    void knowsASimFromItsFirstCallOn() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        assertThat(simulator.state(SIM.iccid())).isEmpty();

        simulator.networkStatus(SIM);

        assertThat(simulator.state(SIM.iccid())).hasValue(new SimState(Status.ACTIVE, Map.of(), Set.of(), null,
                List.of()));
        assertThat(simulator.state(OTHER_SIM.iccid())).isEmpty();
    }

    @Test
    void reportsTheDeviceConnectedOnTheBestRadioTechnologyThatIsNotBarred() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        assertThat(simulator.networkStatus(SIM)).isEqualTo(new NetworkStatus(false, null, null, null, null, NOW));

        simulator.activate(SIM, "act-1", PLAN);
        NetworkStatus connected = simulator.networkStatus(SIM);
        assertThat(connected.connected()).isTrue();
        assertThat(connected.country()).isEqualTo("DEU");
        assertThat(connected.operator()).isNotBlank().isEqualTo(simulator.networkStatus(SIM).operator());
        assertThat(connected.networkType()).isEqualTo(NetworkType.G5);
        assertThat(connected.lastSeenAt()).isEqualTo(NOW);
        assertThat(connected.refreshedAt()).isEqualTo(NOW);

        simulator.bar(SIM, Set.of(NetworkType.G5, NetworkType.G4));
        assertThat(simulator.networkStatus(SIM).networkType()).isEqualTo(NetworkType.LTE_M);

        simulator.bar(SIM, Set.of(NetworkType.values()));
        assertThat(simulator.networkStatus(SIM).connected()).isFalse();
    }

    @Test
    void reportsTheDeviceDisconnectedWhileSuspendedOrLockedToAnotherDevice() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.activate(SIM, "act-1", PLAN);
        simulator.networkStatus(SIM);
        Instant later = NOW.plusSeconds(60);
        clock.set(later);

        simulator.suspend(SIM);
        assertThat(simulator.networkStatus(SIM)).isEqualTo(new NetworkStatus(false, null, null, null, NOW, later));

        simulator.resume(SIM);
        simulator.lockImei(SIM, "490154203237518");
        assertThat(simulator.networkStatus(SIM).connected()).isFalse();

        simulator.lockImei(SIM, SIM.imei());
        assertThat(simulator.networkStatus(SIM).connected()).isTrue();
    }

    @Test
    void countsTrafficThatGrowsWithEveryReadWhileTheDeviceIsConnected() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.activate(SIM, "act-1", PLAN);
        simulator.sendSms(SIM, "ping");

        Usage first = simulator.usage(SIM, "act-1");
        Usage second = simulator.usage(SIM, "act-1");

        assertThat(first.bytesUp()).isPositive();
        assertThat(first.bytesDown()).isPositive();
        assertThat(first.bytesTotal()).isEqualTo(first.bytesUp() + first.bytesDown());
        assertThat(first.smsCount()).isEqualTo(1);
        assertThat(second.bytesUp()).isGreaterThan(first.bytesUp());
        assertThat(second.bytesDown()).isGreaterThan(first.bytesDown());
        assertThat(simulator.usage(SIM, "unknown")).isEqualTo(Usage.ZERO);

        simulator.suspend(SIM);
        Usage whileSuspended = simulator.usage(SIM, "act-1");
        assertThat(simulator.usage(SIM, "act-1")).isEqualTo(whileSuspended);
    }

    @Test
    void treatsSuspendingASuspendedSimAndResumingAnActiveOneAsNoOps() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());

        simulator.resume(SIM);
        assertThat(simulator.state(SIM.iccid()).orElseThrow().status()).isEqualTo(Status.ACTIVE);

        simulator.suspend(SIM);
        simulator.suspend(SIM);
        assertThat(simulator.state(SIM.iccid()).orElseThrow().status()).isEqualTo(Status.SUSPENDED);
    }

    @Test
    void refusesEveryCallAboutAReleasedSimButAnotherRelease() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.activate(SIM, "act-1", PLAN);
        simulator.release(SIM);

        for (Executable call : everyCallBut("release", simulator)) {
            assertThatThrownBy(call::execute).isInstanceOf(UpstreamException.class)
                    .hasMessage("SIM " + SIM.iccid() + " is released");
        }
        assertThatCode(() -> simulator.release(SIM)).doesNotThrowAnyException();
        assertThat(simulator.state(SIM.iccid()).orElseThrow().status()).isEqualTo(Status.RELEASED);
    }

    @Test
    void deletesALinksEndpointOnceAndAgainWithoutError() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.failureRate(1.0);

        assertThatThrownBy(() -> simulator.deleteEndpoint("link-1"))
                .hasMessage("provider simulator: injected failure of deleteEndpoint");
        assertThat(simulator.endpointDeleted("link-1")).as("a failed call changes nothing").isFalse();

        simulator.failureRate(0);
        simulator.deleteEndpoint("link-1");
        assertThatCode(() -> simulator.deleteEndpoint("link-1")).doesNotThrowAnyException();
        assertThat(simulator.endpointDeleted("link-1")).isTrue();
        assertThat(simulator.endpointDeleted("link-2")).isFalse();
    }

    @Test
    void failsTheSameCallsForTheSameSeed() {
        UpstreamProperties halfFailing = new UpstreamProperties(Duration.ZERO, 0.5, 0, 7, Duration.ofSeconds(2), 3,
                Duration.ofMillis(50));

        List<String> first = outcomes(simulator(halfFailing));
        List<String> second = outcomes(simulator(halfFailing));
        List<String> otherSeed = outcomes(simulator(new UpstreamProperties(Duration.ZERO, 0.5, 0, 8,
                Duration.ofSeconds(2), 3, Duration.ofMillis(50))));

        assertThat(first).isEqualTo(second).contains("failed").contains("ok").isNotEqualTo(otherSeed);
    }

    @Test
    void startsTheSameSequenceAgainAfterAReset() {
        ProviderSimulator simulator = simulator(new UpstreamProperties(Duration.ZERO, 0.5, 0, 7,
                Duration.ofSeconds(2), 3, Duration.ofMillis(50)));
        List<String> first = outcomes(simulator);
        simulator.failureRate(1.0);

        simulator.reset();

        assertThat(simulator.state(SIM.iccid())).isEmpty();
        assertThat(outcomes(simulator)).isEqualTo(first);
    }

    @Test
    void failsEveryCallAndChangesNothingAtAFailureRateOfOne() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());
        simulator.activate(SIM, "act-1", PLAN);
        simulator.sendSms(SIM, "before");
        SimState before = simulator.state(SIM.iccid()).orElseThrow();

        simulator.failureRate(1.0);

        List<Executable> calls = everyCallBut("", simulator);
        assertThat(calls).hasSize(12);
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(UpstreamException.class)
                    .hasMessageStartingWith("provider simulator: injected failure of ");
        }
        assertThatThrownBy(() -> simulator.networkStatus(OTHER_SIM))
                .hasMessage("provider simulator: injected failure of networkStatus");
        assertThat(simulator.state(SIM.iccid())).hasValue(before);
        assertThat(simulator.state(OTHER_SIM.iccid())).isEmpty();

        simulator.failureRate(0.0);
        assertThat(simulator.usage(SIM, "act-1").smsCount()).isEqualTo(1);
    }

    @Test
    void failsOnlySmsAtAnSmsFailureRateOfOne() {
        ProviderSimulator simulator = simulator(new UpstreamProperties(Duration.ZERO, 0, 1.0, 42,
                Duration.ofSeconds(2), 3, Duration.ofMillis(50)));

        for (Executable call : everyCallBut("sendSms", simulator)) {
            assertThatCode(call::execute).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> simulator.sendSms(OTHER_SIM, "hello")).isInstanceOf(UpstreamException.class)
                .hasMessage("provider simulator: SMS delivery failed");
        assertThat(simulator.state(OTHER_SIM.iccid())).isEmpty();

        simulator.smsFailureRate(0.0);
        String id = simulator.sendSms(OTHER_SIM, "hello");
        assertThat(simulator.state(OTHER_SIM.iccid()).orElseThrow().sms()).containsExactly(new Sms(id, "hello"));
    }

    @Test
    void waitsTheConfiguredLatencyBeforeAnswering() {
        ProviderSimulator simulator = simulator(new UpstreamProperties(Duration.ofMillis(100), 0, 0, 42,
                Duration.ofSeconds(2), 3, Duration.ofMillis(50)));

        long start = System.nanoTime();
        simulator.networkStatus(SIM);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void rejectsAFailureRateOutsideZeroToOne() {
        ProviderSimulator simulator = simulator(UpstreamProperties.defaults());

        assertThatThrownBy(() -> simulator.failureRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.smsFailureRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    private ProviderSimulator simulator(UpstreamProperties properties) {
        return new ProviderSimulator(properties, clock);
    }

    /** The outcome of a fixed sequence of calls, so that two simulators can be compared. */
    private static List<String> outcomes(ProviderSimulator simulator) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            try {
                simulator.activate(SIM, "act-" + i, PLAN);
                outcomes.add("ok");
            } catch (UpstreamException e) {
                outcomes.add("failed");
            }
        }
        return outcomes;
    }

    /** One call of each operation on {@link #SIM}, leaving out {@code operation}; release comes last. */
    private static List<Executable> everyCallBut(String operation, ProviderSimulator simulator) {
        List<Map.Entry<String, Executable>> calls = List.of(
                Map.entry("activate", () -> simulator.activate(SIM, "act-9", PLAN)),
                Map.entry("deactivate", () -> simulator.deactivate(SIM, "act-1")),
                Map.entry("suspend", () -> simulator.suspend(SIM)),
                Map.entry("resume", () -> simulator.resume(SIM)),
                Map.entry("bar", () -> simulator.bar(SIM, Set.of(NetworkType.G2))),
                Map.entry("unbar", () -> simulator.unbar(SIM, Set.of(NetworkType.G2))),
                Map.entry("lockImei", () -> simulator.lockImei(SIM, "356938035643809")),
                Map.entry("unlockImei", () -> simulator.unlockImei(SIM)),
                Map.entry("sendSms", () -> simulator.sendSms(SIM, "hello")),
                Map.entry("networkStatus", () -> simulator.networkStatus(SIM)),
                Map.entry("usage", () -> simulator.usage(SIM, "act-1")),
                Map.entry("release", () -> simulator.release(SIM)));
        return calls.stream().filter(call -> !call.getKey().equals(operation)).map(Map.Entry::getValue).toList();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant now) {
            this.now = new AtomicReference<>(now);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
