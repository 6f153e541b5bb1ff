package io.links.command.link;

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
 * The usage worker, under {@code links.usage.*}.
 *
 * @param interval    the pause between two rounds of usage snapshots; {@code 0} switches the worker off
 * @param concurrency how many links a round takes snapshots of at once (1 to 64)
 */
@Validated
@ConfigurationProperties("links.usage")
public record UsageProperties(
        @NotNull @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("5m") Duration interval,
        @Min(1) @Max(64) @DefaultValue("4") int concurrency) {

    public UsageProperties {
        if (interval != null && interval.isNegative()) {
            throw new IllegalArgumentException("links.usage.interval must not be negative");
        }
    }
}
