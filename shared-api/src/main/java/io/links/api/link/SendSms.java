package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Send an SMS to the device of an active link. Answers a {@link SmsResult}.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param smsId          the id the attempt gets
 * @param message        the text, 1 to 80 characters
 */
public record SendSms(@TargetAggregateIdentifier String linkId, String organisationId, String smsId, String message) {
}
