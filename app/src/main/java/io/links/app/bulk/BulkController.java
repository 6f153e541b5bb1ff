package io.links.app.bulk;

import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.StartBulkTask;
import io.links.api.bulk.TaskView;
import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import io.links.api.link.LinkFilter;
import io.links.app.LinksProperties;
import io.links.app.link.LinkFilters;
import io.links.app.web.Commands;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.command.bulk.BulkChunkRunner;
import io.links.command.bulk.BulkProperties;
import io.links.command.bulk.BulkTaskStore;
import io.links.command.catalog.CatalogStore;
import io.links.query.bulk.TaskQueries;
import io.links.query.link.LinkQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk operations: one request acts on up to {@value #MAX_LINKS} links, named in {@code link_ids} or chosen by a
 * {@code filter} of the link listing. Every check of the request is made before anything starts; an accepted task
 * answers 202 at once and runs in the background. A dry run answers what each link's item would come to now.
 */
@RestController
class BulkController {

    static final int MAX_LINKS = 10_000;

    private final Commands commands;
    private final LinkQueries links;
    private final TaskQueries tasks;
    private final CatalogStore catalog;
    private final BulkChunkRunner runner;
    private final LinksProperties properties;
    private final BulkProperties bulk;

    BulkController(Commands commands, LinkQueries links, TaskQueries tasks, CatalogStore catalog,
                   BulkChunkRunner runner, LinksProperties properties, BulkProperties bulk) {
        this.commands = commands;
        this.links = links;
        this.tasks = tasks;
        this.catalog = catalog;
        this.runner = runner;
        this.properties = properties;
        this.bulk = bulk;
    }

    record BulkRequest(List<String> linkIds, Map<String, Object> filter, String planId, Boolean dryRun) {
    }

    /**
     * What a dry run found.
     *
     * @param dryRun       always true
     * @param type         the operation
     * @param totalItems   the links it would act on
     * @param wouldSucceed how many would change
     * @param wouldFail    how many would fail
     * @param items        each link's outcome, in order
     */
    record DryRun(boolean dryRun, BulkOperation type, int totalItems, long wouldSucceed, long wouldFail,
                  List<DryRunItem> items) {
    }

    /**
     * One link's outcome in a dry run.
     *
     * @param linkId       the link
     * @param outcome      {@code would_succeed} or {@code would_fail}
     * @param errorCode    the error code the item would fail with, else null
     * @param errorMessage why, else null
     */
    record DryRunItem(String linkId, String outcome, String errorCode, String errorMessage) {
    }

    /**
     * The operations are mapped by their literal paths, which win over {@code /links/{id}/suspend} and the like;
     * any other operation reaches the pattern and is not found.
     */
    @PostMapping({"/links/bulk/delink", "/links/bulk/delete", "/links/bulk/suspend", "/links/bulk/resume",
        "/links/bulk/activate-plan", "/links/bulk/remove-plan", "/links/bulk/{operation}"})
    ResponseEntity<?> start(@RequestBody BulkRequest body, HttpServletRequest request) {
        String operation = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        BulkOperation type = BulkOperation.fromValue(operation);
        if (type == null) {
            throw LinksException.notFound("bulk operation", operation);
        }
        String organisationId = RequestContext.organisationId();
        String planId = plan(organisationId, type, body.planId());
        List<String> selected = selection(organisationId, body);
        String taskId = UUID.randomUUID().toString();
        if (Boolean.TRUE.equals(body.dryRun())) {
            // the task as it would start now, on this node's chunk size
            BulkTaskStore.Task task = new BulkTaskStore.Task(taskId, organisationId, type, planId,
                    RequestContext.principal().keyId(), RequestContext.requestId(), bulk.chunkSize(), false);
            return ResponseEntity.ok(dryRun(type, runner.check(task, selected)));
        }

        commands.send(new StartBulkTask(taskId, organisationId, type, planId, selected));

        URI location = URI.create("/tasks/" + taskId);
        Optional<TaskView> started = tasks.awaitVersion(organisationId, taskId, 0, properties.readYourWritesTimeout());
        return ResponseEntity.accepted().location(location)
                .body(started.isPresent() ? started.get() : Map.of("id", taskId));
    }

    /** The plan of a plan operation, which must exist; other operations take none. */
    private String plan(String organisationId, BulkOperation type, String planId) {
        if (!type.needsPlan()) {
            if (planId != null) {
                throw LinksException.invalidField("plan_id", "is not a field of " + type.value()
                        + "; only activate-plan and remove-plan take a plan");
            }
            return null;
        }
        if (planId == null || planId.isBlank()) {
            throw LinksException.invalidField("plan_id", "is required for " + type.value());
        }
        if (catalog.plan(organisationId, planId).isEmpty()) {
            throw LinksException.invalidField("plan_id", "no plan " + planId + " exists in this organisation");
        }
        return planId;
    }

    /** The links the request names, or those its filter matches now; 1 to {@value #MAX_LINKS} of them. */
    private List<String> selection(String organisationId, BulkRequest body) {
        if ((body.linkIds() == null) == (body.filter() == null)) {
            throw LinksException.invalidField("link_ids", "give either link_ids or filter, not both and not neither");
        }
        if (body.filter() != null) {
            List<String> matching = links.ids(organisationId, filter(body.filter()), MAX_LINKS + 1);
            if (matching.isEmpty()) {
                throw LinksException.invalidField("filter", "matches no link");
            }
            if (matching.size() > MAX_LINKS) {
                throw LinksException.invalidField("filter", "matches more than " + MAX_LINKS
                        + " links; narrow it or split the work into several tasks");
            }
            return matching;
        }
        List<String> ids = body.linkIds();
        if (ids.isEmpty()) {
            throw LinksException.invalidField("link_ids", "must name at least one link");
        }
        if (ids.size() > MAX_LINKS) {
            throw LinksException.invalidField("link_ids", "may name at most " + MAX_LINKS + " links, not "
                    + ids.size());
        }
        if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw LinksException.invalidField("link_ids", "must hold link ids, not null or blank entries");
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        if (!repeated.isEmpty()) {
            throw LinksException.invalidField("link_ids", "must not name a link twice; repeated: "
                    + repeated.stream().limit(10).toList());
        }
        return List.copyOf(ids);
    }

    /** The filter, read with the rules of the listing's query parameters; a bad one names {@code filter.<name>}. */
    private static LinkFilter filter(Map<String, Object> filter) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        List<FieldError> errors = new ArrayList<>();
        filter.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(item -> params.add(name, scalar(item, name, errors)));
            } else {
                params.add(name, scalar(value, name, errors));
            }
        });
        try {
            if (!errors.isEmpty()) {
                throw new LinksException(ErrorCode.VALIDATION_ERROR, "invalid filter", errors);
            }
            QueryParams query = QueryParams.of(params, LinkFilters.NAMES);
            LinkFilter parsed = LinkFilters.of(query);
            query.check();
            return parsed;
        } catch (LinksException e) {
            List<FieldError> named = e.errors().stream()
                    .map(error -> new FieldError(error.field().startsWith("filter.") ? error.field()
                            : "filter." + error.field(), error.message())).toList();
            throw new LinksException(ErrorCode.VALIDATION_ERROR, "invalid filter: " + named.stream()
                    .map(error -> error.field() + " " + error.message()).toList(), named);
        }
    }

    /** A filter value as the query parameter it stands for; objects and nulls are refused. */
    private static String scalar(Object value, String name, List<FieldError> errors) {
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        errors.add(new FieldError("filter." + name, "must be a string, a boolean, or a list of them"));
        return "";
    }

    private static DryRun dryRun(BulkOperation type, List<ItemOutcome> outcomes) {
        List<DryRunItem> items = outcomes.stream().map(outcome -> outcome.status() == ItemStatus.COMPLETED
                ? new DryRunItem(outcome.linkId(), "would_succeed", null, null)
                : new DryRunItem(outcome.linkId(), "would_fail", outcome.errorCode(), outcome.message())).toList();
        long failing = outcomes.stream().filter(outcome -> outcome.status() != ItemStatus.COMPLETED).count();
        return new DryRun(true, type, outcomes.size(), outcomes.size() - failing, failing, items);
    }
}
