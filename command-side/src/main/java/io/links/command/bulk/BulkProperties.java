package io.links.command.bulk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bulk tasks run, under {@code links.bulk.*}.
 *
 * @param chunkSize      items per chunk: the unit a task records its progress in (1 to 1,000)
 * @param chunksInFlight chunks of one task running at once (1 to 64)
 * @param concurrency    items running at once on a node, over all tasks (1 to 256)
 */
@Validated
@ConfigurationProperties("links.bulk")
public record BulkProperties(
        @Min(1) @Max(1_000) @DefaultValue("50") int chunkSize,
        @Min(1) @Max(64) @DefaultValue("16") int chunksInFlight,
        @Min(1) @Max(256) @DefaultValue("32") int concurrency) {

    /** The documented defaults. */
    public static BulkProperties defaults() {
        return new BulkProperties(50, 8, 32);
    }
}
