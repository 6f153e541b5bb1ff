package io.links.app.store;

import io.links.app.support.ApiTest;
import io.links.command.bulk.BulkTask;
import io.links.command.link.Link;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.spring.eventsourcing.SpringPrototypeAggregateFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The running service creates its aggregates as plain objects, not as Spring prototype beans. */
class AggregateFactoriesTest extends ApiTest {

    @Autowired
    private Configuration axon;

    @Test
    void everyAggregateIsCreatedByThePlainFactory() {
        for (Class<?> type : new Class<?>[] {Link.class, BulkTask.class}) {
            assertThat(axon.repository(type)).as(type.getSimpleName()).isInstanceOf(EventSourcingRepository.class);
            AggregateFactory<?> factory = ((EventSourcingRepository<?>) axon.repository(type)).getAggregateFactory();
            assertThat(factory).as(type.getSimpleName()).isNotInstanceOf(SpringPrototypeAggregateFactory.class);
            assertThat(factory.getAggregateType()).isEqualTo(type);
            assertThat(factory.createAggregateRoot("some-id", null)).isExactlyInstanceOf(type);
        }
    }
}
