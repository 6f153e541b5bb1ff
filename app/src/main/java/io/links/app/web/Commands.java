package io.links.app.web;

import io.links.command.store.EventStoreConfiguration;
import io.links.command.tenancy.Principal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Sends commands on behalf of the current caller, with the organisation, the actor and the request id as metadata
 * that every resulting event carries.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends {@code command} and waits for its handler's answer. */
    public <R> R send(Object command) {
        return gateway.sendAndWait(message(command));
    }

    /**
     * Hands {@code command} to {@code executor} and returns at once; for changes the caller need not wait for.
     * The caller's identity is taken now, on the request's thread.
     */
    public void sendLater(Object command, Executor executor) {
        CommandMessage<?> message = message(command);
        executor.execute(() -> gateway.send(message));
    }

    private CommandMessage<?> message(Object command) {
        Principal principal = RequestContext.principal();
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventStoreConfiguration.ACTOR, principal.keyId());
        if (principal.organisationId() != null) {
            meta.put(EventStoreConfiguration.ORGANISATION, principal.organisationId());
        }
        if (RequestContext.requestId() != null) {
            meta.put(EventStoreConfiguration.REQUEST_ID, RequestContext.requestId());
        }
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta));
    }
}
