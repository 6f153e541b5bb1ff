package io.links.command.link;

import org.axonframework.messaging.MetaData;

/**
 * How a link command runs, as its metadata tells: as an item of a bulk task, whose second run changes nothing; or
 * as a dry run, which checks every rule and stops before the provider is told or anything recorded.
 *
 * @param taskId the bulk task the command is an item of, or null
 * @param dryRun whether only the rules are checked
 */
public record BulkItem(String taskId, boolean dryRun) {

    /** Metadata key: the bulk task a command is an item of. */
    public static final String TASK = "bulk_task_id";

    /** Metadata key: {@code true} for a command that only checks its rules. */
    public static final String DRY_RUN = "dry_run";

    /**
     * Metadata for the events the command causes: as an item, they name its task, and the link remembers from them
     * that the item ran; otherwise none.
     */
    public MetaData mark() {
        return taskId == null ? MetaData.emptyInstance() : MetaData.with(TASK, taskId);
    }

    /** The item that {@code meta} describes; neither a task item nor a dry run when the keys are absent. */
    public static BulkItem of(MetaData meta) {
        Object task = meta.get(TASK);
        return new BulkItem(task == null ? null : task.toString(), Boolean.TRUE.equals(meta.get(DRY_RUN))
                || "true".equals(String.valueOf(meta.get(DRY_RUN))));
    }
}
