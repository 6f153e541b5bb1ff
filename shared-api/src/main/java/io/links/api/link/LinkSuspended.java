package io.links.api.link;

/**
 * A link's connectivity was paused.
 *
 * @param linkId the link
 */
public record LinkSuspended(String linkId) {
}
