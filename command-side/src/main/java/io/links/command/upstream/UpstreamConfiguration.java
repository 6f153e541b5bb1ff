package io.links.command.upstream;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * The provider's platform as the service uses it: the in-process {@link ProviderSimulator}, reached only through
 * {@link ResilientUpstream}. The simulator is a bean of its own so that tests can inspect it and inject failures.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
public class UpstreamConfiguration {

    @Bean
    public ProviderSimulator providerSimulator(UpstreamProperties properties, Clock clock) {
        return new ProviderSimulator(properties, clock);
    }

    /**
     * The {@link Upstream} every other bean gets. Primary, since the simulator is an {@link Upstream} too; declared
     * as {@link ResilientUpstream} so that the health endpoint can read its circuit breaker. Closed on shutdown.
     */
    @Bean
    @Primary
    public ResilientUpstream upstream(ProviderSimulator providerSimulator, UpstreamProperties properties) {
        return new ResilientUpstream(providerSimulator, properties);
    }
}
