package io.links.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as a problem instead of an HTML page. Tomcat answers some requests itself, before any
 * filter or error page of the service sees them: a request line or a path it refuses ({@code /links/%2F}, a NUL, a
 * raw {@code |}), a malformed header. Everything else that fails is answered by the service's own error page,
 * {@link ProblemErrorController}, and this report stays silent since the answer is written already.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = response.getHeader(ApiKeyFilter.REQUEST_ID_HEADER);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(ApiKeyFilter.REQUEST_ID_HEADER, requestId);
        }
        // the request's target is what was refused, so it is not echoed as the problem's instance
        try {
            String body = json.writeValueAsString(Problems.problem(status, ContainerErrors.code(status),
                    ContainerErrors.detail(status), List.of(), null, requestId));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer was committed meanwhile: there is no one left to tell
        }
    }
}
