package io.links.api.link;

import java.time.Instant;

/**
 * An attempt to send an SMS failed at the provider; nothing was sent.
 *
 * @param linkId      the link
 * @param smsId       the attempt
 * @param message     the text
 * @param reason      why it failed
 * @param attemptedAt when
 */
public record SmsFailed(String linkId, String smsId, String message, String reason, Instant attemptedAt) {
}
