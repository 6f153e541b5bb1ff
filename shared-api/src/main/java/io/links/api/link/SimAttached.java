package io.links.api.link;

import java.util.List;

/**
 * A SIM was bound to a link on hold; the link is active and takes the SIM's zones.
 *
 * @param linkId             the link
 * @param sim                the SIM
 * @param compatibilityZones the link's zones from now on
 */
public record SimAttached(String linkId, SimSnapshot sim, List<String> compatibilityZones) {
}
