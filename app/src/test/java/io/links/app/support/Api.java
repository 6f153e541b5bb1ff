package io.links.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain HTTP client for the service, as any API user would call it.
 */
public final class Api {

    public static final String OPERATOR_KEY = "test-operator-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One answer: status, headers and the body parsed as JSON (null when empty). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        /** The ids of a page's items, in order; the answer must be a 200 page. */
        public List<String> ids() {
            assertThat(status).as(toString()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
            return ids;
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    public Answer delete(String path, String key) {
        return send("DELETE", path, key, null, null);
    }

    public Answer post(String path, String key, Object body) {
        return send("POST", path, key, "application/json", body == null ? null : json(body));
    }

    public Answer send(String method, String path, String key, String contentType, String body) {
        return send(method, path, key, contentType, body, Map.of());
    }

    /** Like {@link #send(String, String, String, String, String)}, with further request headers. */
    public Answer send(String method, String path, String key, String contentType, String body,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
