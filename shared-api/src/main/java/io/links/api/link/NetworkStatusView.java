package io.links.api.link;

import java.time.Instant;

/**
 * A link's network status as the API shows it: what the provider reported, and whether it is the live answer or
 * the last known one because the provider could not be asked just now.
 *
 * @param connected   whether the device is attached to a network
 * @param country     the ISO alpha-3 country of that network, or null
 * @param operator    the network operator's name, or null
 * @param networkType the radio technology in use, or null
 * @param lastSeenAt  when the network last saw the device, or null
 * @param refreshedAt when this status was read from the provider, or null when never
 * @param stale       true when the provider could not be asked and this is the last known status
 * @param observedAt  when the status shown was observed, or null when never
 */
public record NetworkStatusView(boolean connected, String country, String operator, NetworkType networkType,
                                Instant lastSeenAt, Instant refreshedAt, boolean stale, Instant observedAt) {

    /** The status as read from the provider, live when {@code stale} is false. */
    public static NetworkStatusView of(NetworkStatus status, boolean stale) {
        return new NetworkStatusView(status.connected(), status.country(), status.operator(), status.networkType(),
                status.lastSeenAt(), status.refreshedAt(), stale, status.refreshedAt());
    }
}
