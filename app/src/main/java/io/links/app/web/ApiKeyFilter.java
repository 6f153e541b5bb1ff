package io.links.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.error.ErrorCode;
import io.links.app.tenancy.OperatorKey;
import io.links.command.tenancy.Principal;
import io.links.command.tenancy.TenancyStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Authenticates every request but the open ones with {@code Authorization: Bearer <api key>}, and gives every
 * request an id (the caller's {@code X-Request-Id} when sane, else a new one) for logs, events and errors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final List<String> OPEN_PREFIXES = List.of("/actuator/health", "/openapi", "/docs",
            "/swagger-ui", "/favicon.ico");

    private final TenancyStore tenancy;
    private final OperatorKey operatorKey;
    private final ObjectMapper json;

    public ApiKeyFilter(TenancyStore tenancy, OperatorKey operatorKey, ObjectMapper json) {
        this.tenancy = tenancy;
        this.operatorKey = operatorKey;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = Optional.ofNullable(request.getHeader(REQUEST_ID_HEADER))
                .filter(id -> SANE_REQUEST_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("request_id", requestId);
        try {
            RequestContext.setRequestId(requestId);
            if (isOpen(request.getRequestURI())) {
                chain.doFilter(request, response);
                return;
            }
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
                reject(response, request, "send an API key as 'Authorization: Bearer <key>'");
                return;
            }
            String secret = header.substring(7).strip();
            Optional<Principal> principal = operatorKey.matches(secret) ? Optional.of(Principal.OPERATOR)
                    : tenancy.authenticate(secret);
            if (principal.isEmpty()) {
                reject(response, request, "the API key is not valid");
                return;
            }
            RequestContext.set(principal.get(), requestId);
            chain.doFilter(request, response);
        } finally {
            RequestContext.clear();
            MDC.remove("request_id");
        }
    }

    private static boolean isOpen(String path) {
        return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private void reject(HttpServletResponse response, HttpServletRequest request, String detail) throws IOException {
        response.setStatus(ErrorCode.UNAUTHORIZED.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        json.writeValue(response.getOutputStream(),
                Problems.problem(ErrorCode.UNAUTHORIZED, detail, List.of(), request.getRequestURI()));
    }
}
