package io.links.command.link;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When a {@link Link} takes a snapshot: once a load and the commands after it have applied {@value #EVENTS} events
 * since the last snapshot. A load then reads the snapshot and fewer than that many events after it; a link of a
 * handful of events, such as the ones a bulk task changes, never takes one. The snapshot is taken after the command's
 * transaction commits, on the thread of the command, by reading the link's events again.
 */
@Configuration(proxyBeanMethods = false)
public class LinkSnapshots {

    /** The trigger's bean name, as {@code @Aggregate} refers to it. */
    public static final String TRIGGER = "linkSnapshotTrigger";

    /** Events applied between two snapshots of a link. */
    public static final int EVENTS = 100;

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition linkSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS);
    }
}
