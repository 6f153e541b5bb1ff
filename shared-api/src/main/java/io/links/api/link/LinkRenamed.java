package io.links.api.link;

/**
 * A link's name changed.
 *
 * @param linkId the link
 * @param name   the new name, or null
 */
public record LinkRenamed(String linkId, String name) {
}
