package io.links.api.link;

/**
 * Traffic counted for an activation, or summed over a link's activations.
 *
 * @param bytesUp    data sent by the device
 * @param bytesDown  data received by the device
 * @param bytesTotal the sum of both
 * @param smsCount   SMS counted by the network
 */
public record Usage(long bytesUp, long bytesDown, long bytesTotal, long smsCount) {

    /** No traffic yet. */
    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    /** The sum of this and {@code other}. */
    public Usage plus(Usage other) {
        return new Usage(bytesUp + other.bytesUp, bytesDown + other.bytesDown, bytesTotal + other.bytesTotal,
                smsCount + other.smsCount);
    }
}
