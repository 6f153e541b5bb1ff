package io.links.api.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * An API key of an organisation. The secret itself is shown only in the answer that creates it.
 *
 * @param id        the key's id, used to delete it
 * @param role      what it may do
 * @param apiKey    the secret, only when just created; absent otherwise
 * @param prefix    the first characters of the secret, to recognise it
 * @param createdAt when it was created
 */
public record ApiKeyView(String id, Role role, @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey,
                         String prefix, Instant createdAt) {
}
