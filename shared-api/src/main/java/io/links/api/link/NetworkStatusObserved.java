package io.links.api.link;

/**
 * The provider reported a change in where or whether a link's device is attached.
 *
 * @param linkId the link
 * @param status the status reported
 */
public record NetworkStatusObserved(String linkId, NetworkStatus status) {
}
