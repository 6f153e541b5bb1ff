package io.links.app.health;

import io.links.command.upstream.ResilientUpstream;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Shows whether the provider's platform is being reached: the state of the circuit breaker in front of it. Always
 * UP, since the service still answers reads, and refuses only the changes the provider must be told of, while the
 * provider is down. Listed as {@code upstream}: the bean keeps its default name because {@code upstream} is the
 * name of the {@link ResilientUpstream} bean itself.
 */
@Component
class UpstreamHealthIndicator extends AbstractHealthIndicator {

    /** The only provider wired so far is the in-process simulator. */
    private static final String PROVIDER = "simulator";

    private final ResilientUpstream upstream;

    UpstreamHealthIndicator(ResilientUpstream upstream) {
        this.upstream = upstream;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("circuit_breaker", upstream.state().name()).withDetail("provider", PROVIDER);
    }
}
