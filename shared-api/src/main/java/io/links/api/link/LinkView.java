package io.links.api.link;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A link as the API shows it.
 *
 * @param id                 the link's id
 * @param name               its customer-assigned name, or null
 * @param status             where it is in its lifecycle
 * @param sim                the SIM bound to it, or null on hold and after removal
 * @param compatibilityZones the zones it can operate in
 * @param usage              traffic summed over its activations
 * @param networkStatus      what the network last reported
 * @param barredNetworkTypes the radio technologies barred on it
 * @param imeiLock           the IMEI it is locked to, or null
 * @param meta               the customer's free-form metadata
 * @param version            how many changes it has seen; grows with every change
 * @param createdAt          when it was created
 * @param updatedAt          when it last changed
 */
public record LinkView(String id, String name, LinkStatus status, SimSnapshot sim, List<String> compatibilityZones,
                       Usage usage, NetworkStatusView networkStatus, List<NetworkType> barredNetworkTypes,
                       String imeiLock, Map<String, Object> meta, long version, Instant createdAt,
                       Instant updatedAt) {

    /** The same link with another network status. */
    public LinkView withNetworkStatus(NetworkStatusView status) {
        return new LinkView(id, name, this.status, sim, compatibilityZones, usage, status, barredNetworkTypes,
                imeiLock, meta, version, createdAt, updatedAt);
    }
}
