package io.links.api.bulk;

/**
 * What one item of a bulk task came to.
 *
 * @param position  the item's place in the task, from 0
 * @param linkId    its link
 * @param status    completed, failed, or cancelled when the task was cancelled before the item started
 * @param errorCode for a failed item, the code the single-link endpoint would have answered; else null
 * @param message   for a failed item, why; else null
 */
public record ItemOutcome(int position, String linkId, ItemStatus status, String errorCode, String message) {
}
