package io.links.api.link;

import java.util.Set;

/**
 * Radio technologies were unbarred on a link.
 *
 * @param linkId       the link
 * @param networkTypes the newly unbarred technologies
 */
public record NetworkTypesUnbarred(String linkId, Set<NetworkType> networkTypes) {
}
