package io.links.app.web;

import io.links.api.error.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Locale;

/**
 * The code and the detail of an error whose status the servlet container chose rather than the API's own code: a
 * request it could not read, an exception that escaped a filter. The detail is fixed per status, so that neither
 * the container's own message nor an exception's text reaches the caller.
 */
final class ContainerErrors {

    private ContainerErrors() {
    }

    /** The code of the status, else {@code validation_error} for a 4xx and {@code internal_error} for a 5xx. */
    static ErrorCode code(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.status() == status)
                .findFirst()
                .orElse(status < 500 ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR);
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP: its path or a header holds a character that is not allowed "
                    + "(an encoded '/', '\\' or NUL, or an unencoded space, '|' or '{', for example), or its body is "
                    + "not framed as its headers say";
            case 404 -> "no resource at this path";
            case 405 -> "this method is not supported here";
            case 408 -> "the request was not received in time";
            case 411 -> "a request with a body needs a Content-Length or Transfer-Encoding header";
            case 413 -> "the request body is too large";
            case 414 -> "the request target is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "an unexpected error occurred; it has been logged with this request's id";
            case 501 -> "this method is not implemented";
            case 503 -> "the service is unavailable; retry later";
            case 505 -> "this HTTP version is not supported; use HTTP/1.1";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "the request failed with status " + status
                        : "the request failed: " + known.getReasonPhrase().toLowerCase(Locale.ROOT);
            }
        };
    }
}
