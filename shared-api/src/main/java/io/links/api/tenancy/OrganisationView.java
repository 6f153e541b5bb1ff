package io.links.api.tenancy;

import java.time.Instant;

/**
 * A new organisation with its first admin key, shown this once.
 *
 * @param id        the organisation's id
 * @param name      its name
 * @param apiKey    the secret of its first admin key
 * @param createdAt when it was created
 */
public record OrganisationView(String id, String name, String apiKey, Instant createdAt) {
}
