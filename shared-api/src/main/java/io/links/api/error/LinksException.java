package io.links.api.error;

import java.util.List;

/**
 * A refusal the API answers with a problem response: the rule that was broken, in words, and its code.
 * Thrown by both sides, so that a broken rule reads the same wherever it is detected.
 */
public class LinksException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;

    public LinksException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public LinksException(ErrorCode code, String message, List<FieldError> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A 422: the request is well-formed but breaks a rule. */
    public static LinksException validation(String message) {
        return new LinksException(ErrorCode.VALIDATION_ERROR, message);
    }

    /** A 422 about one field. */
    public static LinksException invalidField(String field, String message) {
        return new LinksException(ErrorCode.VALIDATION_ERROR, field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** A 404: the resource does not exist in the caller's organisation. */
    public static LinksException notFound(String kind, String id) {
        return new LinksException(ErrorCode.NOT_FOUND, kind + " " + id + " was not found");
    }

    /** A 410: the resource existed and was removed. */
    public static LinksException gone(String kind, String id) {
        return new LinksException(ErrorCode.GONE, kind + " " + id + " has been removed");
    }

    /** A 409: a concurrent change won the race. */
    public static LinksException conflict(String message) {
        return new LinksException(ErrorCode.CONFLICT, message);
    }
}
