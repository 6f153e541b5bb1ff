package io.links.command.upstream;

import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The provider's platform, simulated in process: the default {@link Upstream} while no real provider is wired. It
 * keeps what a platform would know about each SIM, by ICCID, from the first call about it on: whether it is active,
 * suspended or released, its activations, barred radio technologies, IMEI lock, the SMS sent to it and the traffic
 * of each activation. The state lives in memory only and starts empty with every start of the service.
 *
 * <p>Everything random, injected failures and traffic alike, is drawn from one {@link Random} seeded with
 * {@link UpstreamProperties#seed()}, so the same sequence of calls gives the same answers and failures. Each call
 * first waits {@link UpstreamProperties#latency()}, then fails with probability {@link #failureRate(double)}; an
 * SMS may fail again with probability {@link #smsFailureRate(double)}. A call that fails changes nothing.
 *
 * <p>The platform's own rules: suspending a suspended SIM and resuming an active one are no-ops; every call about a
 * released SIM is refused, except {@link #release} itself, which is idempotent.
 */
public class ProviderSimulator implements Upstream {

    private static final Logger log = LoggerFactory.getLogger(ProviderSimulator.class);

    /** Radio technologies from the best to the worst: a device attaches with the best one that is not barred. */
    private static final List<NetworkType> PREFERENCE = List.of(NetworkType.G5, NetworkType.G4, NetworkType.LTE_M,
            NetworkType.G3, NetworkType.G2, NetworkType.NB_IOT);

    /** The networks a simulated device roams on; each SIM always picks the same one. */
    private static final List<String> OPERATORS = List.of("Deutsche Telekom", "Vodafone", "Orange", "Telefonica",
            "KPN", "Swisscom");

    /** Traffic added to an activation by each read of its usage, in bytes: a small, plausible trickle. */
    private static final int MIN_BYTES_UP = 512;
    private static final int EXTRA_BYTES_UP = 4 * 1024;
    private static final int MIN_BYTES_DOWN = 1024;
    private static final int EXTRA_BYTES_DOWN = 8 * 1024;

    private final UpstreamProperties properties;
    private final Clock clock;

    /** Guards the SIMs, the random draws and the SMS sequence, so that draws happen in one order per call sequence. */
    private final Object lock = new Object();
    private final Map<String, SimRecord> sims = new HashMap<>();
    private final Set<String> deletedEndpoints = new HashSet<>();
    private Random random;
    private long smsSequence;

    private volatile double failureRate;
    private volatile double smsFailureRate;
    private volatile Duration latency;

    public ProviderSimulator(UpstreamProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = new Random(properties.seed());
        this.failureRate = checkedRate(properties.failureRate());
        this.smsFailureRate = checkedRate(properties.smsFailureRate());
        this.latency = properties.latency();
        log.info("Provider simulator answers after {} ms, fails {} of calls and {} of SMS (seed {})",
                properties.latency().toMillis(), failureRate, smsFailureRate, properties.seed());
    }

    /** A released SIM taken into service again starts afresh; its SMS history stays. */
    @Override
    public void provision(SimSnapshot sim, Map<String, PlanSnapshot> activations, Set<NetworkType> barred) {
        call("provision", sim, true, state -> {
            state.status = SimState.Status.ACTIVE;
            state.activations.clear();
            activations.forEach((activationId, plan) -> state.activations.put(activationId, plan.id()));
            state.barred.clear();
            state.barred.addAll(barred);
            state.imeiLock = null;
            return null;
        });
    }

    @Override
    public void activate(SimSnapshot sim, String activationId, PlanSnapshot plan) {
        Objects.requireNonNull(activationId, "activationId");
        Objects.requireNonNull(plan, "plan");
        run("activate", sim, state -> state.activations.put(activationId, plan.id()));
    }

    @Override
    public void deactivate(SimSnapshot sim, String activationId) {
        // An unknown activation is no error: the call is idempotent, and this state does not survive a restart.
        run("deactivate", sim, state -> state.activations.remove(activationId));
    }

    @Override
    public void suspend(SimSnapshot sim) {
        run("suspend", sim, state -> state.status = SimState.Status.SUSPENDED);
    }

    @Override
    public void resume(SimSnapshot sim) {
        run("resume", sim, state -> state.status = SimState.Status.ACTIVE);
    }

    @Override
    public void bar(SimSnapshot sim, Set<NetworkType> types) {
        Objects.requireNonNull(types, "types");
        run("bar", sim, state -> state.barred.addAll(types));
    }

    @Override
    public void unbar(SimSnapshot sim, Set<NetworkType> types) {
        Objects.requireNonNull(types, "types");
        run("unbar", sim, state -> state.barred.removeAll(types));
    }

    @Override
    public void lockImei(SimSnapshot sim, String imei) {
        Objects.requireNonNull(imei, "imei");
        run("lockImei", sim, state -> state.imeiLock = imei);
    }

    @Override
    public void unlockImei(SimSnapshot sim) {
        run("unlockImei", sim, state -> state.imeiLock = null);
    }

    @Override
    public String sendSms(SimSnapshot sim, String message) {
        Objects.requireNonNull(message, "message");
        return call("sendSms", sim, false, state -> {
            // Drawn before anything changes, so that an undelivered SMS leaves no trace.
            if (random.nextDouble() < smsFailureRate) {
                log.debug("Provider simulator fails the SMS to SIM {}", sim.iccid());
                throw new UpstreamException("provider simulator: SMS delivery failed");
            }
            String id = "sms-" + (++smsSequence);
            state.sms.add(new SimState.Sms(id, message));
            // The network counts the SMS on the activation the SIM uses first.
            state.activations.keySet().stream().findFirst()
                    .ifPresent(activation -> state.traffic(activation).sms++);
            return id;
        });
    }

    @Override
    public void release(SimSnapshot sim) {
        call("release", sim, true, state -> {
            state.status = SimState.Status.RELEASED;
            state.activations.clear();
            return null;
        });
    }

    /** Deleting an endpoint twice is no error: the call is idempotent. */
    @Override
    public void deleteEndpoint(String linkId) {
        Objects.requireNonNull(linkId, "linkId");
        awaitLatency("deleteEndpoint");
        synchronized (lock) {
            injectFailure("deleteEndpoint", linkId);
            deletedEndpoints.add(linkId);
        }
    }

    /** Whether the endpoint of the link {@code linkId} was deleted on the platform. */
    public boolean endpointDeleted(String linkId) {
        synchronized (lock) {
            return deletedEndpoints.contains(linkId);
        }
    }

    @Override
    public NetworkStatus networkStatus(SimSnapshot sim) {
        return call("networkStatus", sim, false, state -> {
            Instant now = clock.instant();
            Optional<NetworkType> type = bestType(state);
            if (!connected(state, sim) || type.isEmpty()) {
                return new NetworkStatus(false, null, null, null, state.lastSeenAt, now);
            }
            state.lastSeenAt = now;
            String country = sim.countries() == null || sim.countries().isEmpty() ? null : sim.countries().get(0);
            return new NetworkStatus(true, country, operator(sim.iccid()), type.get(), now, now);
        });
    }

    @Override
    public Usage usage(SimSnapshot sim, String activationId) {
        Objects.requireNonNull(activationId, "activationId");
        return call("usage", sim, false, state -> {
            // Traffic only flows while the device is attached with this activation; otherwise the count stands.
            if (state.activations.containsKey(activationId) && connected(state, sim)) {
                Traffic traffic = state.traffic(activationId);
                traffic.up += MIN_BYTES_UP + random.nextInt(EXTRA_BYTES_UP);
                traffic.down += MIN_BYTES_DOWN + random.nextInt(EXTRA_BYTES_DOWN);
            }
            Traffic traffic = state.traffic.get(activationId);
            return traffic == null ? Usage.ZERO : traffic.usage();
        });
    }

    /** What the platform knows about the SIM with {@code iccid}, or empty when no call has been about it yet. */
    public Optional<SimState> state(String iccid) {
        synchronized (lock) {
            return Optional.ofNullable(sims.get(iccid)).map(SimRecord::snapshot);
        }
    }

    /** Forgets every SIM and starts the random draws and the configured failure rates afresh. For tests. */
    public void reset() {
        synchronized (lock) {
            sims.clear();
            deletedEndpoints.clear();
            random = new Random(properties.seed());
            smsSequence = 0;
            failureRate = checkedRate(properties.failureRate());
            smsFailureRate = checkedRate(properties.smsFailureRate());
            latency = properties.latency();
        }
    }

    /** Overrides the configured answer delay of every call; until {@link #reset()}. For tests. */
    public void latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a latency is not negative, not " + delay);
        }
        latency = delay;
    }

    /** Overrides the configured share of calls, from 0 to 1, that fail; until {@link #reset()}. */
    public void failureRate(double rate) {
        failureRate = checkedRate(rate);
    }

    /** Overrides the configured share of SMS, from 0 to 1, that are not delivered; until {@link #reset()}. */
    public void smsFailureRate(double rate) {
        smsFailureRate = checkedRate(rate);
    }

    private void run(String operation, SimSnapshot sim, Consumer<SimRecord> change) {
        call(operation, sim, false, state -> {
            change.accept(state);
            return null;
        });
    }

    /**
     * One call to the platform: waits the latency, may fail as configured, refuses a released SIM unless
     * {@code evenWhenReleased}, then applies {@code change}. A SIM seen for the first time is only remembered
     * once the call succeeded, so that a failed call leaves no trace.
     */
    private <T> T call(String operation, SimSnapshot sim, boolean evenWhenReleased, Function<SimRecord, T> change) {
        Objects.requireNonNull(sim, "sim");
        String iccid = Objects.requireNonNull(sim.iccid(), "sim.iccid");
        awaitLatency(operation);
        synchronized (lock) {
            injectFailure(operation, iccid);
            SimRecord state = sims.get(iccid);
            if (state != null && state.status == SimState.Status.RELEASED && !evenWhenReleased) {
                throw new UpstreamException("SIM " + iccid + " is released");
            }
            SimRecord target = state != null ? state : new SimRecord();
            T result = change.apply(target);
            sims.putIfAbsent(iccid, target);
            return result;
        }
    }

    /** One draw per call whatever the rate, so that changing the rate does not shift the later draws. */
    private void injectFailure(String operation, String subject) {
        if (random.nextDouble() < failureRate) {
            log.debug("Provider simulator injects a failure of {} on {}", operation, subject);
            throw new UpstreamException("provider simulator: injected failure of " + operation);
        }
    }

    private void awaitLatency(String operation) {
        Duration latency = this.latency;
        if (latency.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        } catch (InterruptedException e) {
            // The caller gave up on the call (a time limit, a shutdown): answer nothing and change nothing.
            Thread.currentThread().interrupt();
            throw new UpstreamException("provider simulator: " + operation + " was interrupted");
        }
    }

    /** Attached when the SIM is active with at least one activation and its device is allowed by the IMEI lock. */
    private static boolean connected(SimRecord state, SimSnapshot sim) {
        // The device's IMEI is the one the catalog last observed; a lock only bites when that IMEI is known.
        boolean deviceAllowed = state.imeiLock == null || sim.imei() == null || state.imeiLock.equals(sim.imei());
        return state.status == SimState.Status.ACTIVE && !state.activations.isEmpty() && deviceAllowed
                && bestType(state).isPresent();
    }

    private static Optional<NetworkType> bestType(SimRecord state) {
        return PREFERENCE.stream().filter(type -> !state.barred.contains(type)).findFirst();
    }

    private static String operator(String iccid) {
        return OPERATORS.get(Math.floorMod(iccid.hashCode(), OPERATORS.size()));
    }

    private static double checkedRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a failure rate is between 0 and 1, not " + rate);
        }
        return rate;
    }

    /** The mutable state of one SIM; only touched while holding the simulator's lock. */
    private static final class SimRecord {
        private SimState.Status status = SimState.Status.ACTIVE;
        private final Map<String, String> activations = new LinkedHashMap<>();
        private final Set<NetworkType> barred = EnumSet.noneOf(NetworkType.class);
        private String imeiLock;
        private final List<SimState.Sms> sms = new ArrayList<>();
        private final Map<String, Traffic> traffic = new HashMap<>();
        private Instant lastSeenAt;

        private Traffic traffic(String activationId) {
            return traffic.computeIfAbsent(activationId, id -> new Traffic());
        }

        private SimState snapshot() {
            return new SimState(status, activations, barred, imeiLock, sms);
        }
    }

    /** The traffic counted for one activation. */
    private static final class Traffic {
        private long up;
        private long down;
        private long sms;

        private Usage usage() {
            return new Usage(up, down, up + down, sms);
        }
    }
}
