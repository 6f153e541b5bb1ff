package io.links.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into a problem response with a code. A 500 is only ever an unexpected bug, and is logged as
 * one.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(LinksException.class)
    ResponseEntity<ProblemDetail> refused(LinksException e, HttpServletRequest request) {
        return Problems.response(e.code(), e.getMessage(), e.errors(), request.getRequestURI());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof LinksException refusal) {
            return refused(refusal, request);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrent(request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(HttpServletRequest request) {
        return Problems.response(ErrorCode.CONFLICT, "the link was changed by a concurrent request; retry",
                List.of(), request.getRequestURI());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateMissing(AggregateNotFoundException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.NOT_FOUND, "link " + e.getAggregateIdentifier() + " was not found",
                List.of(), request.getRequestURI());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(path(unknown), "is not a field of this request; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            error = new FieldError(path(invalid), "must be one of " + enumValues(invalid.getTargetType()));
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            error = new FieldError(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        } else if (cause instanceof JsonParseException parse) {
            return Problems.response(ErrorCode.VALIDATION_ERROR, "the body is not valid JSON: "
                    + parse.getOriginalMessage(), List.of(), request.getRequestURI());
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            error = new FieldError(path(mapping), mapping.getOriginalMessage());
        } else {
            return Problems.response(ErrorCode.VALIDATION_ERROR, "the body is missing or is not a JSON object of "
                    + "the expected shape", List.of(), request.getRequestURI());
        }
        return Problems.response(ErrorCode.VALIDATION_ERROR, error.field() + ": " + error.message(), List.of(error),
                request.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        FieldError error = new FieldError(e.getName(), "must be " + describe(e.getRequiredType()));
        return Problems.response(ErrorCode.VALIDATION_ERROR, error.field() + ": " + error.message(), List.of(error),
                request.getRequestURI());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        FieldError error = new FieldError(e.getParameterName(), "is required");
        return Problems.response(ErrorCode.VALIDATION_ERROR, error.field() + ": " + error.message(), List.of(error),
                request.getRequestURI());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.VALIDATION_ERROR, "header " + e.getHeaderName() + " is required",
                List.of(), request.getRequestURI());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noRoute(HttpServletRequest request) {
        return Problems.response(ErrorCode.NOT_FOUND, "no resource at " + request.getMethod() + " "
                + request.getRequestURI(), List.of(), request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(ErrorCode.METHOD_NOT_ALLOWED.status())
                .headers(e.getHeaders())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported here; "
                        + "allowed: " + e.getSupportedHttpMethods(), List.of(), request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json, not "
                + e.getContentType(), List.of(), request.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request) {
        return Problems.response(ErrorCode.NOT_ACCEPTABLE, "this resource answers application/json only",
                List.of(), request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            ErrorCode code = Arrays.stream(ErrorCode.values())
                    .filter(c -> c.status() == known.getStatusCode().value())
                    .findFirst().orElse(ErrorCode.VALIDATION_ERROR);
            return Problems.response(code, known.getBody().getDetail(), List.of(), request.getRequestURI());
        }
        log.error("Unexpected failure of [{} {}]", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred; it has been logged "
                + "with this request's id", List.of(), request.getRequestURI());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The JSON values of an enum: what its {@code value()} answers, else the lower-cased names. */
    static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return String.valueOf(type.getMethod("value").invoke(constant));
            } catch (ReflectiveOperationException e) {
                return constant.toString().toLowerCase(java.util.Locale.ROOT);
            }
        }).collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        return "an object";
    }
}
