package io.links.query.bulk;

import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.TaskItemView;
import io.links.api.bulk.TaskStatus;
import io.links.api.bulk.TaskView;
import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.query.config.Pages;
import io.links.query.config.VersionWaiter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads bulk tasks and their items from the read model.
 */
@Service
public class TaskQueries {

    /** The fields the task listing may be sorted by. */
    public static final Map<String, String> TASK_SORTS = Map.of("created_at", "createdAt", "updated_at",
            "updatedAt", "status", "status", "type", "type");

    /** The fields the item listing may be sorted by. */
    public static final Set<String> ITEM_SORTS = Set.of("position", "status", "updated_at");

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;

    public TaskQueries(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    /** The task, 404 when the organisation has none with this id. */
    public TaskView get(String organisationId, String taskId) {
        return view(document(organisationId, taskId));
    }

    /** The task once its read model holds event {@code version}, waiting at most {@code timeout}. */
    public Optional<TaskView> awaitVersion(String organisationId, String taskId, long version, Duration timeout) {
        try {
            return waiter.await(taskId, timeout, () -> find(organisationId, taskId)
                    .filter(task -> task.version() >= version)).map(TaskQueries::view);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinksException(ErrorCode.UNAVAILABLE, "interrupted while waiting for task " + taskId);
        }
    }

    /** The organisation's tasks, newest first unless another order is asked for. */
    public Page<TaskView> list(String organisationId, List<TaskStatus> statuses, List<BulkOperation> types,
                               PageRequest page) {
        Criteria criteria = where("organisationId").is(organisationId);
        if (!statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        if (!types.isEmpty()) {
            criteria = criteria.and("type").in(types);
        }
        return Pages.of(mongo, Query.query(criteria), page, TASK_SORTS, "createdAt", TaskDocument.class)
                .map(TaskQueries::view);
    }

    /**
     * The task's items, in the order of the request's links unless another order is asked for (ties in that order
     * go by position). A task has at most 10,000 items, kept in a few hundred chunk documents, so the page is cut
     * from all of them here rather than by the store.
     */
    public Page<TaskItemView> items(String organisationId, String taskId, List<ItemStatus> statuses,
                                    PageRequest page) {
        TaskDocument task = document(organisationId, taskId);
        Comparator<TaskChunkDocument.Item> order = switch (page.sortBy() == null ? "position" : page.sortBy()) {
            case "status" -> Comparator.comparing(item -> item.status().name());
            case "updated_at" -> Comparator.comparing(TaskChunkDocument.Item::updatedAt);
            default -> Comparator.comparingInt(TaskChunkDocument.Item::position);
        };
        order = order.thenComparingInt(TaskChunkDocument.Item::position);
        List<TaskChunkDocument.Item> matching = TaskProjection.chunks(mongo, task).stream()
                .flatMap(chunk -> chunk.items().stream())
                .filter(item -> statuses.isEmpty() || statuses.contains(item.status()))
                .sorted(page.ascending() ? order : order.reversed()).toList();
        if (page.beyond(matching.size())) {
            return Page.of(List.of(), matching.size(), page);
        }
        int from = (int) page.offset();
        return Page.of(matching.subList(from, Math.min(from + page.pageSize(), matching.size())), matching.size(),
                page).map(item -> new TaskItemView(item.linkId(), item.status(), item.errorCode(),
                item.errorMessage(), item.updatedAt()));
    }

    /** The task's document, 404 when the organisation has none with this id. */
    private TaskDocument document(String organisationId, String taskId) {
        return find(organisationId, taskId).orElseThrow(() -> LinksException.notFound("task", taskId));
    }

    private Optional<TaskDocument> find(String organisationId, String taskId) {
        return Optional.ofNullable(mongo.findById(taskId, TaskDocument.class))
                .filter(task -> task.organisationId().equals(organisationId));
    }

    static TaskView view(TaskDocument task) {
        long pending = task.totalItems() - task.completedItems() - task.failedItems() - task.cancelledItems();
        return new TaskView(task.id(), task.type(), task.planId(), task.status(), task.totalItems(),
                task.completedItems(), task.failedItems(), pending, task.cancelledItems(), task.createdAt(),
                task.updatedAt());
    }
}
