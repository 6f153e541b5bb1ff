package io.links.app.web;

import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesApiTest extends ApiTest {

    @Test
    void malformedJsonIs422() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("POST", "/links", admin, "application/json", "{\"sim_id\": ");

        assertProblem(refused, 422, "validation_error");
        assertThat(refused.text("detail")).contains("not valid JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        String admin = fixtures.organisation();

        Api.Answer text = api.send("POST", "/links", admin, "application/json", "{\"sim_id\": 42}");
        Api.Answer list = api.send("POST", "/links", admin, "application/json",
                "{\"sim_id\": \"s\", \"plan_ids\": \"p\"}");
        Api.Answer number = api.send("POST", "/plans", admin, "application/json",
                "{\"name\": \"p\", \"data_bytes\": \"lots\"}");

        assertProblem(text, 422, "validation_error");
        assertThat(text.body().get("errors").get(0).get("field").asText()).isEqualTo("sim_id");
        assertProblem(list, 422, "validation_error");
        assertThat(list.body().get("errors").get(0).get("field").asText()).isEqualTo("plan_ids");
        assertProblem(number, 422, "validation_error");
        assertThat(number.body().get("errors").get(0).get("field").asText()).isEqualTo("data_bytes");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("POST", "/links", admin, "application/json",
                "{\"sim_id\": \"s\", \"plan_id\": \"p\"}");

        assertProblem(refused, 422, "validation_error");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("plan_id");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("plan_ids");
    }

    @Test
    void aMissingOrNonObjectBodyIs422() {
        String admin = fixtures.organisation();

        assertProblem(api.send("POST", "/links", admin, "application/json", null), 422, "validation_error");
        assertProblem(api.send("POST", "/links", admin, "application/json", "[1,2]"), 422, "validation_error");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("POST", "/links", admin, "text/plain", "sim_id=1");

        assertProblem(refused, 415, "unsupported_media_type");
    }

    @Test
    void anUnknownRouteIs404() {
        String admin = fixtures.organisation();

        assertProblem(api.get("/no/such/thing", admin), 404, "not_found");
    }

    @Test
    void anUnsupportedMethodIs405WithTheAllowedOnes() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("PUT", "/links", admin, "application/json", "{}");

        assertProblem(refused, 405, "method_not_allowed");
        assertThat(refused.header("Allow")).contains("GET", "POST");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Api.Answer answer = api.get("/links", null);

        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.text("request_id")).isEqualTo(answer.header("X-Request-Id"));
    }

    private static void assertProblem(Api.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.text("detail")).isNotBlank();
    }
}
