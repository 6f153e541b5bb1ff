package io.links.command.tenancy;

import io.links.api.tenancy.Role;

/**
 * Who is calling: an organisation's key with its role, or the platform operator.
 *
 * @param keyId          the key's id, recorded as the actor of every change; {@code operator} for the operator
 * @param organisationId the organisation the key belongs to, or null for the operator
 * @param role           the key's role, or null for the operator
 */
public record Principal(String keyId, String organisationId, Role role) {

    public static final Principal OPERATOR = new Principal("operator", null, null);

    public boolean isOperator() {
        return organisationId == null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
