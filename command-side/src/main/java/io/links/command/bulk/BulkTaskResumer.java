package io.links.command.bulk;

import io.links.api.bulk.ResumeBulkTask;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Picks up the bulk tasks that were running when the service stopped, once it is ready again: each gets
 * {@link ResumeBulkTask}, on which its saga starts again the chunks it had running.
 */
@Component
public class BulkTaskResumer {

    private static final Logger log = LoggerFactory.getLogger(BulkTaskResumer.class);

    private final BulkTaskStore store;
    private final CommandGateway commands;

    public BulkTaskResumer(BulkTaskStore store, CommandGateway commands) {
        this.store = store;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        List<String> unfinished = store.unfinished();
        for (String taskId : unfinished) {
            try {
                commands.sendAndWait(new ResumeBulkTask(taskId));
            } catch (RuntimeException e) {
                log.warn("Bulk task [{}] not resumed; it stays as it is until the next start", taskId, e);
            }
        }
        if (!unfinished.isEmpty()) {
            log.info("Resumed [{}] unfinished bulk tasks", unfinished.size());
        }
    }
}
