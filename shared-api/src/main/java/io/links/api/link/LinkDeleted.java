package io.links.api.link;

/**
 * A link was removed; it is read as gone from now on.
 *
 * @param linkId the link
 */
public record LinkDeleted(String linkId) {
}
