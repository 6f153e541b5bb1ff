package io.links.app.web;

import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void textAfterTheJsonValueIs422() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("POST", "/coverages", admin, "application/json",
                "{\"name\":\"EU\",\"countries\":[\"DEU\"]} {\"name\":\"again\"}");

        assertProblem(refused, 422, "validation_error");
        assertThat(api.get("/coverages", admin).body().get("total").asInt()).as("nothing created").isZero();
    }

    @Test
    void malformedJsonSaysWhereItBreaksInTheApisWords() {
        String admin = fixtures.organisation();

        Api.Answer syntax = api.send("POST", "/plans", admin, "application/json", "{\"name\": \"p\",\n \"x\" 1}");
        Api.Answer inAString = api.send("POST", "/plans", admin, "application/json", "{\"name\": \"\\u12\"}");
        Api.Answer notANumber = api.send("POST", "/plans", admin, "application/json", "{\"data_bytes\": NaN}");
        Api.Answer unfinished = api.send("POST", "/plans", admin, "application/json", "{\"name\": \"p\"");

        assertProblem(syntax, 422, "validation_error");
        assertThat(syntax.text("detail")).isEqualTo("the body is not valid JSON at line 2, column 6");
        assertProblem(inAString, 422, "validation_error");
        assertThat(inAString.text("detail")).startsWith("the body is not valid JSON at line 1, column ");
        assertProblem(notANumber, 422, "validation_error");
        assertThat(notANumber.text("detail")).startsWith("the body is not valid JSON at line 1, column ");
        assertProblem(unfinished, 422, "validation_error");
        assertThat(unfinished.text("detail")).isEqualTo("the body is not valid JSON: it ends at line 1, column 13 "
                + "before the JSON value is complete");
        for (Api.Answer answer : List.of(syntax, inAString, notANumber, unfinished)) {
            assertNoParserText(answer);
        }
    }

    @Test
    void aNumberOutOfRangeNamesTheFieldAndTheRange() {
        String admin = fixtures.organisation();

        Api.Answer tooLong = api.send("POST", "/plans", admin, "application/json",
                "{\"name\": \"p\", \"data_bytes\": 99999999999999999999}");
        Api.Answer tooInt = api.send("POST", "/plans", admin, "application/json",
                "{\"name\": \"p\", \"validity_days\": -99999999999}");

        assertProblem(tooLong, 422, "validation_error");
        assertThat(tooLong.body().get("errors").get(0).get("field").asText()).isEqualTo("data_bytes");
        assertThat(tooLong.body().get("errors").get(0).get("message").asText())
                .isEqualTo("must be a whole number from -9223372036854775808 to 9223372036854775807");
        assertProblem(tooInt, 422, "validation_error");
        assertThat(tooInt.text("detail"))
                .isEqualTo("validity_days: must be a whole number from -2147483648 to 2147483647");
        assertNoParserText(tooLong);
        assertNoParserText(tooInt);
    }

    @Test
    void aBodyBeyondTheReadersLimitsSaysWhichLimits() {
        String admin = fixtures.organisation();

        Api.Answer refused = api.send("POST", "/plans", admin, "application/json",
                "{\"name\": \"p\", \"data_bytes\": " + "9".repeat(1200) + "}");

        assertProblem(refused, 422, "validation_error");
        assertThat(refused.text("detail")).contains("at most 1000 digits in a number");
        assertNoParserText(refused);
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

    /** Nothing of Jackson's own wording: its classes, features, token dumps or source locations. */
    private static void assertNoParserText(Api.Answer answer) {
        String text = answer.raw().body();
        assertThat(text).as(text).doesNotContain("Source:", "REDACTED", "Numeric value", "out of range of",
                "Unexpected character", "code 1", "JsonReadFeature", "StreamReadFeature", "Non-standard token",
                "VALUE_STRING", "jackson", "Exception", "hex-digit");
    }

    private static void assertProblem(Api.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.text("detail")).isNotBlank();
    }
}
