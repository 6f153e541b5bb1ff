package io.links.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.app.support.Api;
import io.links.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container answers by itself, and what reaches its error page rather than a controller: problems
 * with a code too, never Spring Boot's or Tomcat's own error bodies. The requests are written on a socket, since an
 * HTTP client refuses to send most of them.
 */
class ContainerErrorsApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void theErrorPageCalledDirectlyIsNotFound() {
        String admin = fixtures.organisation();

        Api.Answer answer = api.get("/error", admin);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo("not_found");
        assertThat(answer.text("request_id")).isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.body().has("timestamp")).isFalse();
    }

    @Test
    void aPathTheContainerRefusesIsA400Problem() throws IOException {
        for (String target : new String[] {"/links/%2F", "/links/%00", "/links/a%5Cb", "/links/a|b", "/links/a{b"}) {
            Raw answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertContainerProblem(answer, target);
        }
    }

    @Test
    void aMalformedHeaderIsA400Problem() throws IOException {
        Raw answer = send("GET /links HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n");

        assertContainerProblem(answer, "a header name with a space");
    }

    @Test
    void aBodyWithBrokenChunksIsA400ProblemAlsoWhenAFilterReadsIt() throws IOException {
        String admin = fixtures.organisation();
        String broken = "POST /links HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n%s\r\n"
                + "zz\r\n{}\r\n0\r\n\r\n";

        Raw inController = send(broken.formatted(""));
        Raw inFilter = send(broken.formatted("Idempotency-Key: broken-chunks\r\n"));

        assertContainerProblem(inController, "read by the controller");
        assertContainerProblem(inFilter, "read by the idempotency filter");
        assertThat(inFilter.body().get("instance").asText()).isEqualTo("/links");
    }

    private static void assertContainerProblem(Raw answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).as(what).isEqualTo("validation_error");
        assertThat(answer.body().get("status").asInt()).as(what).isEqualTo(400);
        assertThat(answer.body().get("detail").asText()).as(what).isNotBlank().doesNotContain("Exception", "Tomcat");
        assertThat(answer.body().get("request_id").asText()).as(what).isEqualTo(answer.header("X-Request-Id"));
    }

    /** Writes {@code request} as it is and reads the answer until the server closes the connection. */
    private Raw send(String request) throws IOException {
        byte[] answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = socket.getInputStream().readAllBytes();
        }
        String text = new String(answer, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
        }
        String body = text.substring(headEnd + 4);
        if ("chunked".equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
            body = dechunk(body);
        }
        return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, body.isEmpty() ? null : JSON.readTree(body),
                text);
    }

    private static String dechunk(String chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked.getBytes(StandardCharsets.UTF_8));
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().strip(), 16);
            if (length == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }

    private record Raw(int status, Map<String, String> headers, JsonNode body, String text) {

        String header(String name) {
            return headers.get(name);
        }
    }
}
