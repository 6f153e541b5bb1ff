package io.links.app.store;

import io.links.app.support.ApiTest;
import io.links.command.bulk.BulkTask;
import io.links.command.link.Link;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
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
            assertThat(((EventSourcingRepository<?>) axon.repository(type)).getAggregateFactory())
                    .as(type.getSimpleName()).isInstanceOf(GenericAggregateFactory.class);
        }
    }
}
