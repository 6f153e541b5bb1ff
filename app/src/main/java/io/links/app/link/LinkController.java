package io.links.app.link;

import io.links.api.catalog.SimType;
import io.links.api.error.LinksException;
import io.links.api.link.CreateLink;
import io.links.api.link.LinkFilter;
import io.links.api.link.LinkStatus;
import io.links.api.link.LinkView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.api.validation.Identifiers;
import io.links.app.LinksProperties;
import io.links.app.web.Commands;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.query.link.LinkQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Links: created through the command side, read from the read model. A write answers only once the read model shows
 * its own change, so that the caller reads its write.
 */
@RestController
class LinkController {

    static final List<String> FILTERS = List.of("status", "has_sim", "has_activations", "sim_type",
            "compatibility_zones", "plan_id", "coverage_id", "countries", "network_country", "network_connected",
            "search");

    private final Commands commands;
    private final LinkQueries queries;
    private final LinksProperties properties;

    LinkController(Commands commands, LinkQueries queries, LinksProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
    }

    record NewLink(String name, String simId, List<String> planIds) {
    }

    @PostMapping("/links")
    ResponseEntity<?> create(@RequestBody NewLink body) {
        String organisationId = RequestContext.organisationId();
        if (body.simId() == null || body.simId().isBlank()) {
            throw LinksException.invalidField("sim_id", "is required");
        }
        if (body.name() != null && body.name().length() > 200) {
            throw LinksException.invalidField("name", "must be at most 200 characters");
        }
        if (body.planIds() != null && body.planIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw LinksException.invalidField("plan_ids", "must hold plan ids, not null or blank entries");
        }
        String linkId = UUID.randomUUID().toString();
        long version = commands.send(new CreateLink(linkId, organisationId, body.name(), body.simId(),
                body.planIds() == null ? List.of() : List.copyOf(body.planIds())));
        return answer(HttpStatus.CREATED, organisationId, linkId, version);
    }

    @GetMapping("/links/{id}")
    LinkView get(@PathVariable String id) {
        return queries.get(RequestContext.organisationId(), id);
    }

    @GetMapping("/links")
    Page<LinkView> list(@RequestParam MultiValueMap<String, String> params) {
        String organisationId = RequestContext.organisationId();
        QueryParams query = QueryParams.of(params, FILTERS);
        PageRequest page = query.page(LinkQueries.SORTS.keySet());
        LinkFilter filter = new LinkFilter(
                query.all("status", LinkStatus::fromValue, "must be one of pre_active, active, suspended, hold"),
                query.bool("has_sim"),
                query.bool("has_activations"),
                query.all("sim_type", SimType::fromValue, "must be physical or esim"),
                query.all("compatibility_zones"),
                query.all("plan_id"),
                query.all("coverage_id"),
                query.all("countries", c -> Identifiers.isCountry(c) ? c : null, "must be an ISO alpha-3 code"),
                query.all("network_country", c -> Identifiers.isCountry(c) ? c : null, "must be an ISO alpha-3 code"),
                query.bool("network_connected"),
                query.single("search"));
        if (filter.statuses().contains(LinkStatus.REMOVED)) {
            throw LinksException.invalidField("status", "removed links are never listed; read one by its id");
        }
        query.check();
        return queries.list(organisationId, filter, page);
    }

    /**
     * The link as the read model shows it once it holds event {@code version}. When the bound passes first, the
     * change is recorded all the same: the answer is then 202 with where to read it.
     */
    private ResponseEntity<?> answer(HttpStatus status, String organisationId, String linkId, long version) {
        URI location = URI.create("/links/" + linkId);
        return queries.awaitVersion(organisationId, linkId, version, properties.readYourWritesTimeout())
                .<ResponseEntity<?>>map(link -> ResponseEntity.status(status).location(location).body(link))
                .orElseGet(() -> ResponseEntity.accepted().location(location)
                        .body(Map.of("id", linkId, "version", version + 1)));
    }
}
