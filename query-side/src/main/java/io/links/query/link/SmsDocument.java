package io.links.query.link;

import io.links.api.link.SmsStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An SMS attempt in the read model.
 *
 * @param id             the attempt's id
 * @param linkId         its link
 * @param organisationId the link's organisation
 * @param message        the text
 * @param status         sent or failed
 * @param sentAt         when it was attempted
 * @param failureReason  why it failed, or null
 */
@Document(SmsDocument.COLLECTION)
public record SmsDocument(@Id String id, String linkId, String organisationId, String message, SmsStatus status,
                          Instant sentAt, String failureReason) {

    public static final String COLLECTION = "sms";
}
