package io.links.command.store;

import io.links.api.link.LinkSuspended;
import io.links.command.link.Link;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain factories create an empty aggregate for a history, and take a snapshot's aggregate as it is. */
class AggregateFactoriesTest {

    private final AggregateFactory<Link> links = new AggregateFactories().linkAggregateFactory();

    @Test
    void aHistoryStartsFromANewEmptyInstanceEachTime() {
        GenericDomainEventMessage<LinkSuspended> first = new GenericDomainEventMessage<>("Link", "link-1", 0,
                new LinkSuspended("link-1"));

        Link one = links.createAggregateRoot("link-1", first);
        Link other = links.createAggregateRoot("link-1", first);

        assertThat(one).isExactlyInstanceOf(Link.class).isNotSameAs(other);
        assertThat(links.getAggregateType()).isEqualTo(Link.class);
    }

    @Test
    void aSnapshotIsTheAggregateItself() {
        Link snapshot = links.createAggregateRoot("link-1", null);

        assertThat(links.createAggregateRoot("link-1", new GenericDomainEventMessage<>("Link", "link-1", 7,
                snapshot))).isSameAs(snapshot);
    }

    @Test
    void aTypeWithoutAConstructorWithoutParametersIsRefusedAtOnce() {
        assertThatThrownBy(() -> AggregateFactories.plain(Integer.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no constructor without parameters");
    }
}
