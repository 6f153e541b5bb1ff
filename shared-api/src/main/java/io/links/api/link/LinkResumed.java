package io.links.api.link;

/**
 * A suspended link's connectivity was restored.
 *
 * @param linkId the link
 */
public record LinkResumed(String linkId) {
}
