package io.links.app.store;

import io.links.api.link.LinkRenamed;
import io.links.app.support.ApiTest;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's events come back complete from the event store, however many batches they take, and an aggregate
 * with fewer events than a batch costs one query, not a second that finds nothing.
 */
class AggregateReadsTest extends ApiTest {

    @Autowired
    private Serializer serializer;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private PersistenceExceptionResolver exceptions;

    @Autowired
    private Configuration axon;

    @Autowired
    private ConnectionProvider connections;

    @Autowired
    private TransactionManager transactions;

    @Autowired
    private EventSchema schema;

    private final AtomicInteger queries = new AtomicInteger();
    private EventStorageEngine engine;

    /** The service's engine, built by its own configuration, on connections that count the queries they prepare. */
    @BeforeEach
    void countingEngine() {
        ConnectionProvider counting = () -> counting(connections.getConnection());
        engine = new EventStoreConfiguration().eventStorageEngine(serializer, exceptions, eventSerializer, axon,
                counting, transactions, schema);
    }

    @ParameterizedTest(name = "{0} events")
    @ValueSource(ints = {1, 99, 100, 101, 250})
    void everyEventOfAnAggregateIsRead(int count) {
        String aggregate = "link-" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = IntStream.range(0, count)
                .<DomainEventMessage<?>>mapToObj(sequence -> new GenericDomainEventMessage<>("Link", aggregate,
                        sequence, new LinkRenamed(aggregate, "name " + sequence)))
                .toList();
        transactions.executeInTransaction(() -> engine.appendEvents(events));

        queries.set(0);
        List<Object> read = engine.readEvents(aggregate).asStream().<Object>map(DomainEventMessage::getPayload)
                .toList();

        assertThat(read).hasSize(count).containsExactlyElementsOf(
                events.stream().<Object>map(DomainEventMessage::getPayload).toList());
        // one query per started batch of 100, plus one that finds the end when the last batch was full
        assertThat(queries.get()).isEqualTo(count / 100 + 1);
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        queries.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
