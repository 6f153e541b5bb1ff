package io.links.api.link;

import java.time.Instant;

/**
 * An SMS was handed to the provider for the link's device.
 *
 * @param linkId            the link
 * @param smsId             the attempt
 * @param message           the text
 * @param msisdn            where it was sent
 * @param providerMessageId the provider's id of the message
 * @param sentAt            when
 */
public record SmsSent(String linkId, String smsId, String message, String msisdn, String providerMessageId,
                      Instant sentAt) {
}
