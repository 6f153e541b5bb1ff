package io.links.command.bulk;

import io.links.api.bulk.BulkOperation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command side's record of bulk tasks in PostgreSQL: what a chunk runner needs to run an item, and which tasks
 * are unfinished. Written by the {@link BulkTask} aggregate in the transaction of its events.
 */
@Component
public class BulkTaskStore {

    private static final int INSERT_BATCH = 1_000;

    private final JdbcTemplate jdbc;

    public BulkTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a task does and for whom.
     *
     * @param taskId         the task
     * @param organisationId its organisation
     * @param operation      its operation
     * @param planId         its plan, or null
     * @param actor          the key that started it
     * @param requestId      the request that started it
     * @param chunkSize      its items per chunk, fixed when it started whatever the node's setting is later
     * @param cancelled      whether it was cancelled
     */
    public record Task(String taskId, String organisationId, BulkOperation operation, String planId, String actor,
                       String requestId, int chunkSize, boolean cancelled) {
    }

    void started(Task task, List<String> linkIds, Instant at) {
        jdbc.update("INSERT INTO bulk_task (task_id, organisation_id, operation, plan_id, actor, request_id, "
                + "chunk_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", task.taskId(), task.organisationId(),
                task.operation().value(), task.planId(), task.actor(), task.requestId(), task.chunkSize(),
                Timestamp.from(at));
        List<Object[]> rows = new ArrayList<>();
        for (int position = 0; position < linkIds.size(); position++) {
            rows.add(new Object[] {task.taskId(), position, linkIds.get(position)});
            if (rows.size() == INSERT_BATCH || position == linkIds.size() - 1) {
                jdbc.batchUpdate("INSERT INTO bulk_task_item (task_id, position, link_id) VALUES (?, ?, ?)", rows);
                rows.clear();
            }
        }
    }

    void cancelled(String taskId) {
        jdbc.update("UPDATE bulk_task SET cancelled = TRUE WHERE task_id = ?", taskId);
    }

    void finished(String taskId) {
        jdbc.update("UPDATE bulk_task SET finished = TRUE WHERE task_id = ?", taskId);
    }

    /** The task, when it exists. */
    public Optional<Task> task(String taskId) {
        return jdbc.query("SELECT task_id, organisation_id, operation, plan_id, actor, request_id, chunk_size, "
                + "cancelled FROM bulk_task WHERE task_id = ?", (rs, row) -> new Task(rs.getString(1),
                rs.getString(2), BulkOperation.fromValue(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getBoolean(8)), taskId).stream().findFirst();
    }

    /** Whether the task was cancelled. */
    public boolean isCancelled(String taskId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT cancelled FROM bulk_task WHERE task_id = ?",
                Boolean.class, taskId));
    }

    /** The links of the items from {@code from} (inclusive) to {@code to} (exclusive), by position. */
    public List<String> links(String taskId, int from, int to) {
        return jdbc.queryForList("SELECT link_id FROM bulk_task_item WHERE task_id = ? AND position >= ? "
                + "AND position < ? ORDER BY position", String.class, taskId, from, to);
    }

    /** The tasks not yet finished, oldest first. */
    public List<String> unfinished() {
        return jdbc.queryForList("SELECT task_id FROM bulk_task WHERE NOT finished ORDER BY created_at",
                String.class);
    }
}
