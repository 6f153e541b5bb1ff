package io.links.api.link;

import java.util.List;

/**
 * A link was created with a SIM bound to it. Its status is pre-active until a plan is activated.
 *
 * @param linkId             the link
 * @param organisationId     the organisation that owns it
 * @param name               its name, or null
 * @param sim                the SIM bound to it
 * @param compatibilityZones the zones it can operate in, taken from the SIM
 */
public record LinkCreated(String linkId, String organisationId, String name, SimSnapshot sim,
                          List<String> compatibilityZones) {
}
