package io.links.api.link;

/**
 * An item of a bulk task changed the link. The link remembers it, so that the item, run again after a restart,
 * changes nothing twice.
 *
 * @param linkId the link
 * @param taskId the bulk task
 */
public record BulkItemApplied(String linkId, String taskId) {
}
