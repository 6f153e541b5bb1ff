package io.links.command.upstream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Guards every call to the provider's platform, so that a slow or failing provider costs a request a bounded time
 * and cannot tie up the service:
 * <ul>
 *     <li>each attempt gets {@link UpstreamProperties#timeout()}; it runs on a small bounded pool and is cancelled
 *     when it takes longer;</li>
 *     <li>idempotent calls, all but {@link #sendSms}, are tried up to {@link UpstreamProperties#maxAttempts()}
 *     times, {@link UpstreamProperties#retryBackoff()} apart; an SMS is tried once, since a retry could send it
 *     twice;</li>
 *     <li>one circuit breaker, {@value #NAME}, counts the outcome of each call after its retries; once half of the
 *     last calls failed, calls fail at once for a while instead of waiting on a provider that is down.</li>
 * </ul>
 * Only {@link UpstreamException}, timeouts included, counts as a failure; any other exception is a bug, passes
 * through untouched and is neither retried nor counted.
 */
public class ResilientUpstream implements Upstream, AutoCloseable {

    /** The name of the circuit breaker, as logs and the health endpoint show it. */
    public static final String NAME = "upstream";

    private static final Logger log = LoggerFactory.getLogger(ResilientUpstream.class);

    /** Calls running at once, and waiting for a thread, before further calls are turned away. */
    private static final int THREADS = 16;
    private static final int QUEUE = 64;

    private static final int WINDOW_CALLS = 20;
    private static final int MINIMUM_CALLS = 10;
    private static final float FAILURE_RATE_THRESHOLD = 50;
    private static final Duration OPEN_STATE_WAIT = Duration.ofSeconds(10);
    private static final int HALF_OPEN_CALLS = 3;

    private final Upstream delegate;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final ThreadPoolExecutor executor;

    public ResilientUpstream(Upstream delegate, UpstreamProperties properties) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.timeout = properties.timeout();
        this.breaker = CircuitBreaker.of(NAME, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(WINDOW_CALLS)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(FAILURE_RATE_THRESHOLD)
                .waitDurationInOpenState(OPEN_STATE_WAIT)
                // so that health shows HALF_OPEN once the wait is over, not only after the next call
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS)
                .recordException(ResilientUpstream::isProviderFailure)
                .ignoreException(failure -> !isProviderFailure(failure))
                .build());
        this.retry = Retry.of(NAME, RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .waitDuration(properties.retryBackoff())
                // A caller that was interrupted is leaving: trying again would only delay it.
                .retryOnException(failure -> isProviderFailure(failure) && !Thread.currentThread().isInterrupted())
                .build());
        this.timeLimiter = TimeLimiter.of(NAME, TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build());
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), new CallThreads());
        executor.allowCoreThreadTimeOut(true);

        breaker.getEventPublisher().onStateTransition(event -> log.info(
                "Upstream circuit breaker [{}] moved from {} to {}", event.getCircuitBreakerName(),
                event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
        retry.getEventPublisher().onRetry(event -> log.warn(
                "Upstream call failed on attempt {}, trying again in {} ms: {}", event.getNumberOfRetryAttempts(),
                event.getWaitInterval().toMillis(), event.getLastThrowable().getMessage()));
    }

    @Override
    public void provision(SimSnapshot sim, Map<String, PlanSnapshot> activations, Set<NetworkType> barred) {
        idempotent("provision", () -> delegate.provision(sim, activations, barred));
    }

    /** Closes the breaker and forgets the calls it counted, as if the provider had never failed. */
    public void reset() {
        breaker.reset();
    }

    @Override
    public void activate(SimSnapshot sim, String activationId, PlanSnapshot plan) {
        idempotent("activate", () -> delegate.activate(sim, activationId, plan));
    }

    @Override
    public void deactivate(SimSnapshot sim, String activationId) {
        idempotent("deactivate", () -> delegate.deactivate(sim, activationId));
    }

    @Override
    public void suspend(SimSnapshot sim) {
        idempotent("suspend", () -> delegate.suspend(sim));
    }

    @Override
    public void resume(SimSnapshot sim) {
        idempotent("resume", () -> delegate.resume(sim));
    }

    @Override
    public void bar(SimSnapshot sim, Set<NetworkType> types) {
        idempotent("bar", () -> delegate.bar(sim, types));
    }

    @Override
    public void unbar(SimSnapshot sim, Set<NetworkType> types) {
        idempotent("unbar", () -> delegate.unbar(sim, types));
    }

    @Override
    public void lockImei(SimSnapshot sim, String imei) {
        idempotent("lockImei", () -> delegate.lockImei(sim, imei));
    }

    @Override
    public void unlockImei(SimSnapshot sim) {
        idempotent("unlockImei", () -> delegate.unlockImei(sim));
    }

    @Override
    public String sendSms(SimSnapshot sim, String message) {
        // Not idempotent: an attempt that timed out may still have sent the SMS, so it is never repeated.
        return guarded(() -> limited("sendSms", () -> delegate.sendSms(sim, message)));
    }

    @Override
    public void release(SimSnapshot sim) {
        idempotent("release", () -> delegate.release(sim));
    }

    @Override
    public void deleteEndpoint(String linkId) {
        idempotent("deleteEndpoint", () -> delegate.deleteEndpoint(linkId));
    }

    @Override
    public NetworkStatus networkStatus(SimSnapshot sim) {
        return idempotent("networkStatus", () -> delegate.networkStatus(sim));
    }

    @Override
    public Usage usage(SimSnapshot sim, String activationId) {
        return idempotent("usage", () -> delegate.usage(sim, activationId));
    }

    /** The state of the circuit breaker: CLOSED while the provider answers, OPEN while calls fail at once. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Stops the threads that run the calls; a call still running is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void idempotent(String operation, Runnable call) {
        idempotent(operation, () -> {
            call.run();
            return null;
        });
    }

    private <T> T idempotent(String operation, Supplier<T> call) {
        return guarded(Retry.decorateSupplier(retry, () -> limited(operation, call)));
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new UpstreamException("provider unavailable: circuit breaker open");
        }
    }

    /** One attempt, on the pool, abandoned and cancelled after the timeout. */
    private <T> T limited(String operation, Supplier<T> call) {
        Callable<T> task = withCallersContext(call);
        AtomicReference<Future<T>> submitted = new AtomicReference<>();
        try {
            return timeLimiter.executeFutureSupplier(() -> {
                submitted.set(executor.submit(task));
                return submitted.get();
            });
        } catch (TimeoutException e) {
            throw new UpstreamException("provider did not answer within " + timeout.toMillis() + " ms ("
                    + operation + ")");
        } catch (RejectedExecutionException e) {
            throw new UpstreamException("provider busy: too many calls waiting for it (" + operation + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Future<T> future = submitted.get();
            if (future != null) {
                future.cancel(true);
            }
            throw new UpstreamException("interrupted while waiting for the provider (" + operation + ")");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // Upstream declares no checked exception; this only guards against a delegate that sneaks one out.
            throw new UpstreamException("provider call " + operation + " failed: " + e);
        }
    }

    /** The caller's logging context, such as its request id, so that the provider's logs name the request. */
    private static <T> Callable<T> withCallersContext(Supplier<T> call) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                return call.get();
            } finally {
                MDC.clear();
            }
        };
    }

    private static boolean isProviderFailure(Throwable failure) {
        return failure instanceof UpstreamException;
    }

    /** Daemon threads named after the provider, so that a stuck call shows plainly in a thread dump. */
    private static final class CallThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "upstream-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
