package io.links.api.link;

import java.time.Instant;

/**
 * An SMS attempt on a link, as the API shows it.
 *
 * @param id            the attempt's id
 * @param message       the text submitted
 * @param status        sent or failed
 * @param sentAt        when the attempt was made
 * @param failureReason why it failed, or null when sent
 */
public record SmsView(String id, String message, SmsStatus status, Instant sentAt, String failureReason) {
}
