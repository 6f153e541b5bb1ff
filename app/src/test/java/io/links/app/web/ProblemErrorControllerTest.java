package io.links.app.web;

import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error page as the container calls it, for the failures no HTTP request can provoke on purpose: an unexpected
 * exception and a refusal thrown in a filter.
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void anUnexpectedExceptionIsA500ThatTellsNothingOfIt() {
        MockHttpServletRequest request = failed(500, new IllegalStateException("password=hunter2 in Secret.java"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader(ApiKeyFilter.REQUEST_ID_HEADER, "request-1");

        ResponseEntity<ProblemDetail> answer = controller.error(request, response);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "internal_error")
                .containsEntry("request_id", "request-1");
        assertThat(answer.getBody().getDetail()).doesNotContain("hunter2", "Secret", "IllegalState");
    }

    @Test
    void aRefusalThrownInAFilterKeepsItsCode() {
        MockHttpServletRequest request = failed(500, new ServletException("wrapped",
                new LinksException(ErrorCode.FORBIDDEN, "this needs an admin key of the organisation")));

        ResponseEntity<ProblemDetail> answer = controller.error(request, new MockHttpServletResponse());

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "forbidden");
        assertThat(answer.getBody().getDetail()).isEqualTo("this needs an admin key of the organisation");
    }

    @Test
    void anErrorOfTheContainerWithoutARequestIdGetsOne() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ResponseEntity<ProblemDetail> answer = controller.error(failed(413, null), response);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "validation_error")
                .containsEntry("request_id", response.getHeader(ApiKeyFilter.REQUEST_ID_HEADER));
        assertThat(answer.getBody().getDetail()).isEqualTo("the request body is too large");
    }

    private static MockHttpServletRequest failed(int status, Throwable exception) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/links");
        if (exception != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        return request;
    }
}
