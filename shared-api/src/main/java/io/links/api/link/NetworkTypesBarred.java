package io.links.api.link;

import java.util.Set;

/**
 * Radio technologies were barred on a link.
 *
 * @param linkId       the link
 * @param networkTypes the newly barred technologies
 */
public record NetworkTypesBarred(String linkId, Set<NetworkType> networkTypes) {
}
