package io.links.query.link;

import io.links.api.link.ActivationSource;
import io.links.api.link.ActivationStatus;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.Usage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A plan activation in the read model.
 *
 * @param id             the activation's id
 * @param linkId         its link
 * @param organisationId the link's organisation
 * @param plan           the plan as it was when activated
 * @param status         its lifecycle status
 * @param source         manual or resubscription
 * @param usage          its traffic
 * @param version        the link event sequence number that last changed it
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 * @param activatedAt    when it became active, or null
 * @param expiresAt      when it expires, or null
 */
@Document(ActivationDocument.COLLECTION)
public record ActivationDocument(@Id String id, String linkId, String organisationId, PlanSnapshot plan,
                                 ActivationStatus status, ActivationSource source, Usage usage, long version,
                                 Instant createdAt, Instant updatedAt, Instant activatedAt, Instant expiresAt) {

    public static final String COLLECTION = "activations";
}
