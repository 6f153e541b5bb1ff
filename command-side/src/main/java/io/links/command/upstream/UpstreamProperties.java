package io.links.command.upstream;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How the service talks to the provider's platform, under {@code links.upstream.*}; each can also be set by its
 * environment variable, such as {@code LINKS_UPSTREAM_FAILURE_RATE}. Durations without a unit are milliseconds.
 *
 * <p>The first four shape the in-process {@link ProviderSimulator}; the last three shape every call made to the
 * provider through {@link ResilientUpstream}.
 *
 * @param latency        how long the simulator takes to answer each call
 * @param failureRate    the share of simulator calls, from 0 to 1, that fail as if the platform had an outage
 * @param smsFailureRate the share of SMS, from 0 to 1, that the simulator fails to deliver on top of that
 * @param seed           the seed of the simulator's random draws: the same seed gives the same failures and usage
 * @param timeout        how long one attempt of a call may take before it is abandoned
 * @param maxAttempts    how many times an idempotent call is tried, the first included (1 to 10)
 * @param retryBackoff   the pause between two attempts
 */
@Validated
@ConfigurationProperties("links.upstream")
public record UpstreamProperties(
        @NotNull @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("0ms") Duration latency,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double failureRate,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double smsFailureRate,
        @DefaultValue("42") long seed,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("2s") Duration timeout,
        @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
        @NotNull @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("50ms") Duration retryBackoff) {

    /** Rejects durations that no clock can wait; the range checks on numbers are left to bean validation. */
    public UpstreamProperties {
        if (latency != null && latency.isNegative()) {
            throw new IllegalArgumentException("links.upstream.latency must not be negative");
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("links.upstream.timeout must be positive");
        }
        if (retryBackoff != null && retryBackoff.isNegative()) {
            throw new IllegalArgumentException("links.upstream.retry-backoff must not be negative");
        }
    }

    /** The documented defaults: an instant, faultless simulator, 2 s per attempt, 3 attempts 50 ms apart. */
    public static UpstreamProperties defaults() {
        return new UpstreamProperties(Duration.ZERO, 0, 0, 42, Duration.ofSeconds(2), 3, Duration.ofMillis(50));
    }
}
