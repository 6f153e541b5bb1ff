package io.links.app;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The service's own settings, under {@code links.*}; each can also be set by its environment variable, such as
 * {@code LINKS_DATA_DIR}. A value that does not bind stops the start with a message naming it.
 *
 * @param dataDir                where the embedded stores keep their data
 * @param operatorKey            the platform operator's key; generated on the first start when absent
 * @param demoData               whether to create a demo organisation with a catalog on an empty store
 * @param readYourWritesTimeout  how long a write waits for the read model to show it before answering
 * @param networkRefreshTimeout  how long reading a link waits for the provider's live network status
 * @param role                   what this node does: {@code all}, or {@code command} (no projections) and
 *                               {@code query} (projections) for scale-out
 */
@Validated
@ConfigurationProperties("links")
public record LinksProperties(@NotNull Path dataDir, String operatorKey, Boolean demoData,
                              @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration readYourWritesTimeout,
                              @NotNull @DurationUnit(ChronoUnit.MILLIS) Duration networkRefreshTimeout,
                              @NotNull NodeRole role) {

    /** What a node of a scaled-out deployment does. Every node serves the whole API. */
    public enum NodeRole {
        /** Handles commands and builds the read models: the single-node default. */
        ALL,
        /** Handles commands; leaves building the read models to query nodes. */
        COMMAND,
        /** Handles commands too, and builds the read models. */
        QUERY
    }
}
