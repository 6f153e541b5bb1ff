package io.links.app.web;

import io.links.command.store.EventStoreConfiguration;
import io.links.command.tenancy.Principal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

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
        Principal principal = RequestContext.principal();
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventStoreConfiguration.ACTOR, principal.keyId());
        if (principal.organisationId() != null) {
            meta.put(EventStoreConfiguration.ORGANISATION, principal.organisationId());
        }
        if (RequestContext.requestId() != null) {
            meta.put(EventStoreConfiguration.REQUEST_ID, RequestContext.requestId());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }
}
