package io.links.command.store;

import io.links.command.bulk.BulkTask;
import io.links.command.link.Link;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates aggregates as plain objects before their events are applied. By default Axon's Spring support creates
 * every aggregate instance as a prototype bean, so that resources can be injected into its fields, and does so for
 * each load: the aggregates here take what they need as handler parameters instead, so that work buys nothing, and
 * a bulk task loads one link per item. Axon finds each factory by its bean name, the aggregate's name followed by
 * {@code AggregateFactory}.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateFactories {

    @Bean
    public AggregateFactory<Link> linkAggregateFactory() {
        return new GenericAggregateFactory<>(Link.class);
    }

    @Bean
    public AggregateFactory<BulkTask> bulkTaskAggregateFactory() {
        return new GenericAggregateFactory<>(BulkTask.class);
    }
}
