package io.links.api.link;

/**
 * A link's IMEI lock was removed.
 *
 * @param linkId the link
 */
public record ImeiUnlocked(String linkId) {
}
