package io.links.api.error;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The machine-readable error codes of the API, each with the HTTP status it is answered with.
 */
public enum ErrorCode {
    VALIDATION_ERROR("validation_error", 422),
    NOT_FOUND("not_found", 404),
    GONE("gone", 410),
    CONFLICT("conflict", 409),
    UPSTREAM_ERROR("upstream_error", 502),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    RATE_LIMITED("rate_limited", 429),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    NOT_ACCEPTABLE("not_acceptable", 406),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    UNAVAILABLE("unavailable", 503),
    INTERNAL_ERROR("internal_error", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The value of the {@code code} member of a problem response. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The HTTP status this error is answered with. */
    public int status() {
        return status;
    }
}
