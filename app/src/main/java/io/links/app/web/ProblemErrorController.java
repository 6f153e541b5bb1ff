package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The error page of the servlet container, in place of Spring Boot's: what failed outside the controllers (an
 * exception thrown in a filter, a body the container could not read, an error the container itself sent) is
 * answered as a problem with a code like every other error. Called directly, {@code /error} is a resource that does
 * not exist.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        String requestId = requestId(response);
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return answer(ErrorCode.NOT_FOUND.status(), ErrorCode.NOT_FOUND, "no resource at " + request.getMethod()
                    + " " + request.getRequestURI(), List.of(), request.getRequestURI(), requestId);
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                ? thrown : null;
        LinksException refusal = refusal(failure);
        if (refusal != null) {
            return answer(refusal.code().status(), refusal.code(), refusal.getMessage(), refusal.errors(), path,
                    requestId);
        }
        if (status >= 500) {
            MDC.put("request_id", requestId);
            try {
                log.error("Unexpected failure of [{} {}] outside the controllers, answered {}", request.getMethod(),
                        path, status, failure);
            } finally {
                MDC.remove("request_id");
            }
        }
        return answer(status, ContainerErrors.code(status), ContainerErrors.detail(status), List.of(), path,
                requestId);
    }

    /** The request's id as {@link ApiKeyFilter} answered it, or a new one when the request never reached it. */
    private static String requestId(HttpServletResponse response) {
        String requestId = RequestContext.requestId();
        if (requestId == null) {
            requestId = response.getHeader(ApiKeyFilter.REQUEST_ID_HEADER);
        }
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(ApiKeyFilter.REQUEST_ID_HEADER, requestId);
        }
        return requestId;
    }

    /** A refusal of the API thrown where no exception handler sees it, in a filter for example. */
    private static LinksException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LinksException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> answer(int status, ErrorCode code, String detail,
                                                        List<FieldError> errors, String path, String requestId) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(status, code, detail, errors, path, requestId));
    }
}
