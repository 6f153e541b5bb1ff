package io.links.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of each limit of a link's {@code meta}: 10 root keys, and 3 levels with the root object as the first
 * and every object or array below it, empty or not, as one more.
 */
class MetaLimitsApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String admin;
    private String link;

    @BeforeEach
    void link() {
        admin = fixtures.organisation();
        Api.Answer created = api.post("/links", admin, Map.of("sim_id", fixtures.sim(admin, "eu")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        link = created.text("id");
    }

    @Test
    void tenRootKeysAreAcceptedElevenRefused() throws Exception {
        accepted(Api.json(keys(10)));
        refused(Api.json(keys(11)), "at most 10 root keys, not 11");
    }

    @Test
    void threeLevelsAreAcceptedFourRefused() throws Exception {
        for (String meta : List.of("{\"a\":{\"b\":{\"c\":1}}}", "{\"a\":{\"b\":[1]}}", "{\"a\":[[1]]}",
                "{\"a\":[{\"b\":1}]}", "{\"a\":{\"b\":{}}}", "{\"a\":{\"b\":[]}}", "{\"a\":1,\"b\":{\"c\":[2]}}")) {
            accepted(meta);
        }
        for (String meta : List.of("{\"a\":{\"b\":{\"c\":{}}}}", "{\"a\":{\"b\":[[1]]}}", "{\"a\":{\"b\":[[]]}}",
                "{\"a\":[[[1]]]}", "{\"a\":[{\"b\":{\"c\":1}}]}", "{\"a\":1,\"b\":{\"c\":[{}]}}")) {
            refused(meta, "at most 3 levels deep");
        }
    }

    @Test
    void tenRootKeysThreeLevelsDeepAreAccepted() throws Exception {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            meta.put("k" + i, Map.of("inner", List.of(i)));
        }

        accepted(Api.json(meta));
    }

    @Test
    void nullValuesAreKeptAsSent() throws Exception {
        accepted("{\"a\":null,\"b\":{\"c\":null},\"d\":[null]}");
    }

    /** PATCHes {@code meta}; it must be stored as sent and shown by the answer and by a later read. */
    private void accepted(String meta) throws Exception {
        long version = version();

        Api.Answer answer = patch(meta);

        JsonNode expected = JSON.readTree(meta);
        assertThat(answer.status()).as(meta + " -> " + answer).isEqualTo(200);
        assertThat(answer.body().get("meta")).as(meta).isEqualTo(expected);
        assertThat(answer.body().get("version").asLong()).as(meta).isEqualTo(version + 1);
        assertThat(api.get("/links/" + link, admin).body().get("meta")).as(meta).isEqualTo(expected);
    }

    /** PATCHes {@code meta}; it must be refused on the field {@code meta} and change nothing. */
    private void refused(String meta, String reason) {
        Api.Answer before = api.get("/links/" + link, admin);

        Api.Answer answer = patch(meta);

        assertThat(answer.status()).as(meta + " -> " + answer).isEqualTo(422);
        assertThat(answer.text("code")).as(meta).isEqualTo("validation_error");
        assertThat(answer.body().get("errors")).as(meta).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).as(meta).isEqualTo("meta");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).as(meta).contains(reason);
        Api.Answer after = api.get("/links/" + link, admin);
        assertThat(after.body().get("version")).as(meta).isEqualTo(before.body().get("version"));
        assertThat(after.body().get("meta")).as(meta).isEqualTo(before.body().get("meta"));
    }

    private Api.Answer patch(String meta) {
        return api.send("PATCH", "/links/" + link, admin, "application/json", "{\"meta\":" + meta + "}");
    }

    private long version() {
        return api.get("/links/" + link, admin).body().get("version").asLong();
    }

    private static Map<String, Object> keys(int count) {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            meta.put("key" + i, i);
        }
        return meta;
    }
}
