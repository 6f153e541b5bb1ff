package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.command.tenancy.Principal;

/**
 * Who is calling in the current request, and the request's id. Set by {@link ApiKeyFilter} for the request's
 * thread.
 */
public final class RequestContext {

    private static final ThreadLocal<Principal> PRINCIPAL = new ThreadLocal<>();
    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private RequestContext() {
    }

    static void set(Principal principal, String requestId) {
        PRINCIPAL.set(principal);
        REQUEST_ID.set(requestId);
    }

    static void setRequestId(String requestId) {
        REQUEST_ID.set(requestId);
    }

    static void clear() {
        PRINCIPAL.remove();
        REQUEST_ID.remove();
    }

    public static String requestId() {
        return REQUEST_ID.get();
    }

    public static Principal principal() {
        Principal principal = PRINCIPAL.get();
        if (principal == null) {
            throw new LinksException(ErrorCode.UNAUTHORIZED, "an API key is required");
        }
        return principal;
    }

    /** The caller's organisation; the operator key belongs to none and is refused. */
    public static String organisationId() {
        Principal principal = principal();
        if (principal.isOperator()) {
            throw new LinksException(ErrorCode.FORBIDDEN,
                    "the operator key manages organisations; use an organisation's API key for this");
        }
        return principal.organisationId();
    }

    /** The caller's organisation, when the caller holds an admin key of it. */
    public static String adminOrganisationId() {
        String organisationId = organisationId();
        if (!principal().isAdmin()) {
            throw new LinksException(ErrorCode.FORBIDDEN, "this needs an admin key of the organisation");
        }
        return organisationId;
    }

    public static void requireOperator() {
        if (!principal().isOperator()) {
            throw new LinksException(ErrorCode.FORBIDDEN, "only the operator key may do this");
        }
    }
}
