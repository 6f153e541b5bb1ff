package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * RFC 9457 problem responses with the API's {@code code} member and, for field errors, {@code errors}.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(ErrorCode code, String detail, List<FieldError> errors, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail);
        problem.setProperty("code", code.code());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (path != null) {
            problem.setInstance(java.net.URI.create(path));
        }
        String requestId = RequestContext.requestId();
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
}
