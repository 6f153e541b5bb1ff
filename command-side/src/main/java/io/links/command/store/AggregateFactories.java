package io.links.command.store;

import io.links.command.bulk.BulkTask;
import io.links.command.link.Link;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Constructor;

/**
 * Creates aggregates as plain objects before their events are applied. By default Axon's Spring support creates
 * every aggregate instance as a prototype bean, so that resources can be injected into its fields, and does so for
 * each load: the aggregates here take what they need as handler parameters instead, so that work buys nothing, and
 * a bulk task loads one link per item. Axon finds each factory by its bean name, the aggregate's name followed by
 * {@code AggregateFactory}.
 *
 * <p>Axon's own {@code GenericAggregateFactory} inspects the aggregate's handlers when it is built, with the
 * parameter resolvers of the class path only, which know no Spring bean: it cannot be built for an aggregate whose
 * handlers take one, such as the link's {@code Upstream}. These factories need no handler at all.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateFactories {

    @Bean
    public AggregateFactory<Link> linkAggregateFactory() {
        return plain(Link.class);
    }

    @Bean
    public AggregateFactory<BulkTask> bulkTaskAggregateFactory() {
        return plain(BulkTask.class);
    }

    /**
     * Creates {@code type} by its constructor without parameters; an aggregate loaded from a snapshot is the
     * snapshot's payload itself, as in Axon's factories.
     */
    static <T> AggregateFactory<T> plain(Class<T> type) {
        Constructor<T> constructor;
        try {
            constructor = ReflectionUtils.ensureAccessible(type.getDeclaredConstructor());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no constructor without parameters", e);
        }
        return new AggregateFactory<>() {
            @Override
            public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                if (firstEvent != null && type.isAssignableFrom(firstEvent.getPayloadType())) {
                    return type.cast(firstEvent.getPayload());
                }
                try {
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("could not create " + type.getName(), e);
                }
            }

            @Override
            public Class<T> getAggregateType() {
                return type;
            }
        };
    }
}
