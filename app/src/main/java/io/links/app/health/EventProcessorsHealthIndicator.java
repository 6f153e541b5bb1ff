package io.links.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * UP while every event processor runs; a processor that stopped or is retrying a failing event makes the service
 * DOWN, since its read model no longer follows the writes.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            boolean error = processor instanceof StreamingEventProcessor streaming && streaming.isError();
            String state = !processor.isRunning() ? "stopped" : error ? "retrying" : "running";
            builder.withDetail(entry.getKey(), state);
            up &= processor.isRunning() && !error;
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
