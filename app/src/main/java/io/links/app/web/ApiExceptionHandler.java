package io.links.app.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final ObjectMapper json;

    public ApiExceptionHandler(ObjectMapper json) {
        this.json = json;
    }

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

    /**
     * A body Jackson could not read, explained in the API's words: where the JSON breaks, or which field holds what
     * instead of what. Jackson's own messages name its classes and features and are not shown.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        String field = cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? path(mapping) : null;
        InputCoercionException outOfRange = find(cause, InputCoercionException.class);
        StreamConstraintsException tooLarge = find(cause, StreamConstraintsException.class);
        StreamReadException syntax = find(cause, StreamReadException.class);
        FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(path(unknown), "is not a field of this request; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        } else if (outOfRange != null) {
            error = new FieldError(field == null ? "body" : field, range(outOfRange.getTargetType()));
        } else if (tooLarge != null) {
            StreamReadConstraints limits = json.getFactory().streamReadConstraints();
            String limit = "at most " + limits.getMaxNumberLength() + " digits in a number, "
                    + limits.getMaxStringLength() + " characters in a string and " + limits.getMaxNestingDepth()
                    + " levels of nesting";
            if (field == null) {
                return Problems.response(ErrorCode.VALIDATION_ERROR, "the body is larger than this API reads: "
                        + limit, List.of(), request.getRequestURI());
            }
            error = new FieldError(field, "is larger than this API reads: " + limit);
        } else if (syntax != null) {
            return Problems.response(ErrorCode.VALIDATION_ERROR, notJson(syntax), List.of(),
                    request.getRequestURI());
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            error = new FieldError(path(invalid), "must be one of " + enumValues(invalid.getTargetType()));
        } else if (cause instanceof MismatchedInputException mismatch && field != null) {
            error = new FieldError(field, "must be " + describe(mismatch.getTargetType()));
        } else if (field != null) {
            error = new FieldError(field, "has a value that is not valid here");
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

    /** Where the body stops being JSON, as a user counts: lines and columns from 1. */
    private static String notJson(StreamReadException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr()
                + (at.getColumnNr() < 1 ? "" : ", column " + at.getColumnNr());
        if (e instanceof JsonEOFException) {
            return "the body is not valid JSON: it ends" + where + " before the JSON value is complete";
        }
        return "the body is not valid JSON" + where;
    }

    private static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == Short.class || type == short.class) {
            return "must be a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "is a number out of range";
    }

    /** The first of the causes, {@code failure} included, that is a {@code type}. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
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
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
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
