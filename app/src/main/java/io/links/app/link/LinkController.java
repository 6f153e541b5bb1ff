package io.links.app.link;

import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import io.links.api.error.ErrorCode;
import io.links.api.link.CreateLink;
import io.links.api.link.DeleteLink;
import io.links.api.link.LinkFilter;
import io.links.api.link.LinkView;
import io.links.api.link.UpdateLink;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.app.web.Commands;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.query.link.LinkQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Links: created and changed through the command side, read from the read model. A write answers only once the
 * read model shows its own change, so that the caller reads its write.
 */
@RestController
class LinkController {

    static final int MAX_NAME = 200;

    private final Commands commands;
    private final LinkQueries queries;
    private final LinkAnswers answers;
    private final NetworkRefresher network;

    LinkController(Commands commands, LinkQueries queries, LinkAnswers answers, NetworkRefresher network) {
        this.commands = commands;
        this.queries = queries;
        this.answers = answers;
        this.network = network;
    }

    record NewLink(String name, String simId, List<String> planIds) {
    }

    @PostMapping("/links")
    ResponseEntity<?> create(@RequestBody NewLink body) {
        String organisationId = RequestContext.organisationId();
        if (body.simId() == null || body.simId().isBlank()) {
            throw LinksException.invalidField("sim_id", "is required");
        }
        checkName(body.name());
        if (body.planIds() != null && body.planIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw LinksException.invalidField("plan_ids", "must hold plan ids, not null or blank entries");
        }
        String linkId = UUID.randomUUID().toString();
        long version = commands.send(new CreateLink(linkId, organisationId, body.name(), body.simId(),
                body.planIds() == null ? List.of() : List.copyOf(body.planIds())));
        return answers.link(HttpStatus.CREATED, organisationId, linkId, version);
    }

    /** The link; an active one with its network status read live from the provider. */
    @GetMapping("/links/{id}")
    LinkView get(@PathVariable String id) {
        String organisationId = RequestContext.organisationId();
        return network.refresh(organisationId, queries.get(organisationId, id));
    }

    /**
     * Changes the name and the metadata, each only when the body holds it. The body is read as a map so that an
     * absent field and a null one can be told apart.
     */
    @PatchMapping("/links/{id}")
    ResponseEntity<?> update(@PathVariable String id, @RequestBody Map<String, Object> body) {
        String organisationId = RequestContext.organisationId();
        Set<String> unknown = new java.util.TreeSet<>(body.keySet());
        unknown.removeAll(Set.of("name", "meta"));
        if (!unknown.isEmpty()) {
            List<FieldError> errors = unknown.stream()
                    .map(field -> new FieldError(field, "is not a field of this request; known fields: meta, name"))
                    .toList();
            throw new LinksException(ErrorCode.VALIDATION_ERROR, "unknown fields " + unknown, errors);
        }
        Object name = body.get("name");
        if (name != null && !(name instanceof String)) {
            throw LinksException.invalidField("name", "must be a string or null");
        }
        checkName((String) name);
        Object meta = body.get("meta");
        if (body.containsKey("meta") && !(meta instanceof Map<?, ?>)) {
            throw LinksException.invalidField("meta", "must be an object; send {} to clear it");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metaMap = (Map<String, Object>) meta;
        long version = commands.send(new UpdateLink(id, organisationId, (String) name, body.containsKey("name"),
                metaMap, body.containsKey("meta")));
        return answers.link(HttpStatus.OK, organisationId, id, version);
    }

    @DeleteMapping("/links/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        String organisationId = RequestContext.organisationId();
        long version = commands.send(new DeleteLink(id, organisationId));
        answers.reached(organisationId, id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/links")
    Page<LinkView> list(@RequestParam MultiValueMap<String, String> params) {
        String organisationId = RequestContext.organisationId();
        QueryParams query = QueryParams.of(params, LinkFilters.NAMES);
        PageRequest page = query.page(LinkQueries.SORTS.keySet());
        LinkFilter filter = LinkFilters.of(query);
        query.check();
        return queries.list(organisationId, filter, page);
    }

    private static void checkName(String name) {
        if (name != null && name.length() > MAX_NAME) {
            throw LinksException.invalidField("name", "must be at most " + MAX_NAME + " characters");
        }
    }
}
