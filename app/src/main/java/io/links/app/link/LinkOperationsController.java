package io.links.app.link;

import io.links.api.error.LinksException;
import io.links.api.link.AttachSim;
import io.links.api.link.BarNetworkTypes;
import io.links.api.link.DetachSim;
import io.links.api.link.LockImei;
import io.links.api.link.NetworkType;
import io.links.api.link.ResumeLink;
import io.links.api.link.SuspendLink;
import io.links.api.link.UnbarNetworkTypes;
import io.links.api.link.UnlockImei;
import io.links.app.web.Commands;
import io.links.app.web.RequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The operations on a link's connectivity: its SIM, barred network types, IMEI lock, suspension. Each answers the
 * link after the change.
 */
@RestController
class LinkOperationsController {

    private final Commands commands;
    private final LinkAnswers answers;

    LinkOperationsController(Commands commands, LinkAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    record SimBinding(String simId) {
    }

    record NetworkTypes(List<NetworkType> networkTypes) {
    }

    @PostMapping("/links/{id}/sim")
    ResponseEntity<?> attach(@PathVariable String id, @RequestBody SimBinding body) {
        if (body.simId() == null || body.simId().isBlank()) {
            throw LinksException.invalidField("sim_id", "is required");
        }
        return send(id, (link, org) -> new AttachSim(link, org, body.simId()));
    }

    @DeleteMapping("/links/{id}/sim")
    ResponseEntity<?> detach(@PathVariable String id) {
        return send(id, DetachSim::new);
    }

    @PostMapping("/links/{id}/bar")
    ResponseEntity<?> bar(@PathVariable String id, @RequestBody NetworkTypes body) {
        Set<NetworkType> types = types(body);
        return send(id, (link, org) -> new BarNetworkTypes(link, org, types));
    }

    @PostMapping("/links/{id}/unbar")
    ResponseEntity<?> unbar(@PathVariable String id, @RequestBody NetworkTypes body) {
        Set<NetworkType> types = types(body);
        return send(id, (link, org) -> new UnbarNetworkTypes(link, org, types));
    }

    @PostMapping("/links/{id}/imei-lock")
    ResponseEntity<?> lock(@PathVariable String id) {
        return send(id, LockImei::new);
    }

    @DeleteMapping("/links/{id}/imei-lock")
    ResponseEntity<?> unlock(@PathVariable String id) {
        return send(id, UnlockImei::new);
    }

    @PostMapping("/links/{id}/suspend")
    ResponseEntity<?> suspend(@PathVariable String id) {
        return send(id, SuspendLink::new);
    }

    @PostMapping("/links/{id}/resume")
    ResponseEntity<?> resume(@PathVariable String id) {
        return send(id, ResumeLink::new);
    }

    private ResponseEntity<?> send(String linkId, BiFunction<String, String, Object> command) {
        String organisationId = RequestContext.organisationId();
        long version = commands.send(command.apply(linkId, organisationId));
        return answers.link(HttpStatus.OK, organisationId, linkId, version);
    }

    private static Set<NetworkType> types(NetworkTypes body) {
        if (body.networkTypes() == null || body.networkTypes().isEmpty()) {
            throw LinksException.invalidField("network_types", "must name at least one of 2g, 3g, 4g, 5g, lte_m, "
                    + "nb_iot");
        }
        if (body.networkTypes().contains(null)) {
            throw LinksException.invalidField("network_types", "must not hold null");
        }
        return EnumSet.copyOf(body.networkTypes());
    }
}
