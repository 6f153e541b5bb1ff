package io.links.api.link;

/**
 * An item of a bulk task changed the link, as earlier versions recorded it: an event of its own after the change.
 * The events an item causes now name its task in their metadata ({@code bulk_task_id}) instead. Histories recorded
 * before still hold this event, and the link still learns from it that the item ran.
 *
 * @param linkId the link
 * @param taskId the bulk task
 */
public record BulkItemApplied(String linkId, String taskId) {
}
