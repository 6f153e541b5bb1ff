package io.links.app.bulk;

import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.CancelBulkTask;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.TaskItemView;
import io.links.api.bulk.TaskStatus;
import io.links.api.bulk.TaskView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.app.LinksProperties;
import io.links.app.web.Commands;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.query.bulk.TaskQueries;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Bulk tasks and their progress: the task with its counters, and each link's outcome.
 */
@RestController
class TaskController {

    private final Commands commands;
    private final TaskQueries tasks;
    private final LinksProperties properties;

    TaskController(Commands commands, TaskQueries tasks, LinksProperties properties) {
        this.commands = commands;
        this.tasks = tasks;
        this.properties = properties;
    }

    @GetMapping("/tasks")
    Page<TaskView> list(@RequestParam MultiValueMap<String, String> params) {
        QueryParams query = QueryParams.of(params, List.of("status", "type"));
        PageRequest page = query.page(TaskQueries.TASK_SORTS.keySet());
        List<TaskStatus> statuses = query.all("status", TaskStatus::fromValue,
                "must be one of queued, in_progress, completed, cancelled");
        List<BulkOperation> types = query.all("type", BulkOperation::fromValue,
                "must be one of delink, delete, suspend, resume, activate-plan, remove-plan");
        query.check();
        return tasks.list(RequestContext.organisationId(), statuses, types, page);
    }

    @GetMapping("/tasks/{id}")
    TaskView get(@PathVariable String id) {
        return tasks.get(RequestContext.organisationId(), id);
    }

    @GetMapping("/tasks/{id}/items")
    Page<TaskItemView> items(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        QueryParams query = QueryParams.of(params, List.of("status"));
        PageRequest page = query.page(TaskQueries.ITEM_SORTS, true);
        List<ItemStatus> statuses = query.all("status", ItemStatus::fromValue,
                "must be one of pending, completed, failed, cancelled");
        query.check();
        return tasks.items(RequestContext.organisationId(), id, statuses, page);
    }

    /**
     * Stops the task: items not yet started never start, the running ones finish. Answers the task, cancelled; its
     * counters settle once the running items are done.
     */
    @PostMapping("/tasks/{id}/cancel")
    TaskView cancel(@PathVariable String id) {
        String organisationId = RequestContext.organisationId();
        tasks.get(organisationId, id);
        long version = commands.send(new CancelBulkTask(id, organisationId));
        return tasks.awaitVersion(organisationId, id, version, properties.readYourWritesTimeout())
                .orElseGet(() -> tasks.get(organisationId, id));
    }
}
