package io.links.api.link;

/**
 * The link's SIM was released; the link is on hold and its IMEI lock, tied to the old device, is gone.
 *
 * @param linkId the link
 * @param simId  the released SIM
 */
public record SimDetached(String linkId, String simId) {
}
