package io.links.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.command.tenancy.IdempotencyStore;
import io.links.command.tenancy.Principal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Idempotency-Key} header of the POST requests that create something or talk to the provider. The first
 * request with a key runs and its answer is kept 48 hours; a retry with the same key and the same method, path and
 * body gets that answer again ({@code Idempotent-Replayed: true}) without running again. The same key for another
 * request is a 422; a retry while the first request still runs is a 409. An answer of 500, an unexpected failure,
 * is not kept, so that a retry runs. Keys belong to the organisation of the caller's API key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    public static final Duration RETENTION = Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private static final List<PathPattern> PATHS = List.of("/links", "/links/{id}/activations", "/links/{id}/sms",
            "/links/bulk/{operation}").stream().map(PathPatternParser.defaultInstance::parse).toList();

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        Principal principal = key == null || !applies(request) ? null : caller();
        if (principal == null || principal.isOperator()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            answer(response, request, ErrorCode.VALIDATION_ERROR, "header " + KEY_HEADER + " must be 1 to "
                    + MAX_KEY_LENGTH + " characters");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String organisationId = principal.organisationId();
        IdempotencyStore.Start start = store.begin(organisationId, key, hash(cached));
        if (start instanceof IdempotencyStore.Replay replay) {
            replay(response, replay.response());
        } else if (start instanceof IdempotencyStore.Mismatch) {
            answer(response, request, ErrorCode.VALIDATION_ERROR, "this " + KEY_HEADER + " was used for a "
                    + "different request; send a new key for a new request");
        } else if (start instanceof IdempotencyStore.InProgress) {
            answer(response, request, ErrorCode.CONFLICT, "a request with this " + KEY_HEADER + " is still in "
                    + "progress; retry once it has been answered");
        } else {
            run(cached, response, chain, organisationId, key);
        }
    }

    /** Deletes the keys older than {@link #RETENTION}, hourly. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public void forgetExpiredKeys() {
        int deleted = store.deleteOlderThan(clock.instant().minus(RETENTION));
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, RETENTION);
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
                     String organisationId, String key) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            try {
                store.forget(organisationId, key);
            } catch (RuntimeException forgetting) {
                e.addSuppressed(forgetting);
            }
            throw e;
        }
        int status = wrapper.getStatus();
        try {
            if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                store.forget(organisationId, key);
            } else {
                String contentType = wrapper.getContentType();
                store.complete(organisationId, key, status,
                        new String(wrapper.getContentAsByteArray(), charset(contentType)),
                        wrapper.getHeader(HttpHeaders.LOCATION), contentType);
            }
        } catch (RuntimeException e) {
            log.error("Could not record the answer {} to the request with {} [{}] of organisation {}; the key "
                    + "stays in progress until it expires", status, KEY_HEADER, key, organisationId, e);
        }
        wrapper.copyBodyToResponse();
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.StoredResponse stored)
            throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null && !stored.body().isEmpty()) {
            byte[] body = stored.body().getBytes(charset(stored.contentType()));
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void answer(HttpServletResponse response, HttpServletRequest request, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.problem(code, detail, List.of(),
                request.getRequestURI()));
    }

    private static boolean applies(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return PATHS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The caller as {@link ApiKeyFilter} authenticated it, or null. */
    private static Principal caller() {
        try {
            return RequestContext.principal();
        } catch (LinksException e) {
            return null;
        }
    }

    /** SHA-256 of method, path with query and body: what makes two requests "the same request". */
    private static String hash(CachedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update((byte) '?');
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(request.body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            try {
                Charset charset = MediaType.parseMediaType(contentType).getCharset();
                if (charset != null) {
                    return charset;
                }
            } catch (InvalidMimeTypeException e) {
                // not a media type Spring reads; keep the default
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The request with its body read once into memory, so that it can be both hashed and read by the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            String encoding = getCharacterEncoding();
            if (encoding != null && Charset.isSupported(encoding)) {
                charset = Charset.forName(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
