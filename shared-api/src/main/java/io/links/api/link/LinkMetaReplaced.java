package io.links.api.link;

import java.util.Map;

/**
 * A link's metadata was replaced whole.
 *
 * @param linkId the link
 * @param meta   the new metadata; empty when cleared
 */
public record LinkMetaReplaced(String linkId, Map<String, Object> meta) {
}
