package io.links.api.link;

import java.time.Instant;

/**
 * What the network last reported about the device of a link.
 *
 * @param connected   whether the device is attached to a network
 * @param country     the ISO alpha-3 country of that network, or null
 * @param operator    the network operator's name, or null
 * @param networkType the radio technology in use, or null
 * @param lastSeenAt  when the network last saw the device, or null
 * @param refreshedAt when this status was read from the provider, or null when never
 */
public record NetworkStatus(boolean connected, String country, String operator, NetworkType networkType,
                            Instant lastSeenAt, Instant refreshedAt) {

    /** Nothing observed yet. */
    public static final NetworkStatus UNKNOWN = new NetworkStatus(false, null, null, null, null, null);
}
