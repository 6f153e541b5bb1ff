package io.links.api.bulk;

import java.time.Instant;

/**
 * One link's outcome in a bulk task.
 *
 * @param linkId       the link
 * @param status       pending, completed, failed or cancelled
 * @param errorCode    for a failed item, the error code the single-link endpoint answers; else null
 * @param errorMessage for a failed item, why; else null
 * @param updatedAt    when the item last changed
 */
public record TaskItemView(String linkId, ItemStatus status, String errorCode, String errorMessage,
                           Instant updatedAt) {
}
