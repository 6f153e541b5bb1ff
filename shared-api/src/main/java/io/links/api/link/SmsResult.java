package io.links.api.link;

/**
 * The outcome of a {@link SendSms}: the link's new version and the attempt as recorded, sent or failed.
 *
 * @param version the sequence number of the event that recorded the attempt
 * @param sms     the attempt
 */
public record SmsResult(long version, SmsView sms) {
}
