package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem responses with the API's {@code code} member and, for field errors, {@code errors}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(ErrorCode code, String detail, List<FieldError> errors, String path) {
        return problem(code.status(), code, detail, errors, path, RequestContext.requestId());
    }

    /**
     * A problem with a status of its own rather than its code's: the servlet container decides the status of a
     * request it cannot read (a 400), and the request id comes from the response when the request's thread no
     * longer holds it.
     */
    public static ProblemDetail problem(int status, ErrorCode code, String detail, List<FieldError> errors,
                                        String path, String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setProperty("code", code.code());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail, List<FieldError> errors,
                                                         String path) {
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(code, detail, errors, path));
    }

    /** The path as the problem's {@code instance}, or null for a path that is no URI, which only a refusal sees. */
    private static URI instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
