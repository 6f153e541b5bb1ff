package io.links.api.link;

/**
 * A link was locked to a device.
 *
 * @param linkId the link
 * @param imei   the device's IMEI
 */
public record ImeiLocked(String linkId, String imei) {
}
