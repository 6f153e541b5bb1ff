package io.links.command.catalog;

import io.links.api.error.ErrorCode;
import io.links.api.error.FieldError;
import io.links.api.error.LinksException;
import io.links.api.validation.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects every field error of a request, so that one answer names all of them.
 */
final class CatalogValidation {

    private static final int MAX_NAME = 200;

    private final List<FieldError> errors = new ArrayList<>();

    String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return trimmed;
    }

    String name(String field, String value) {
        return requiredText(field, value, MAX_NAME);
    }

    String optional(String field, String value, Predicate<String> valid, String rule) {
        if (value == null) {
            return null;
        }
        if (!valid.test(value)) {
            errors.add(new FieldError(field, rule));
        }
        return value;
    }

    void require(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    void check(boolean valid, String field, String rule) {
        if (!valid) {
            errors.add(new FieldError(field, rule));
        }
    }

    /** Distinct, non-blank zone names; at least one. */
    List<String> zones(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError(field, "must name at least one zone"));
            return List.of();
        }
        LinkedHashSet<String> zones = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String zone = values.get(i);
            if (zone == null || zone.isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            } else if (zone.length() > 64) {
                errors.add(new FieldError(field + "[" + i + "]", "must be at most 64 characters"));
            } else {
                zones.add(zone.strip());
            }
        }
        return List.copyOf(zones);
    }

    /** Distinct ISO 3166 alpha-3 codes; at least one when {@code required}. */
    List<String> countries(String field, List<String> values, boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must name at least one country"));
            }
            return List.of();
        }
        LinkedHashSet<String> countries = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String country = values.get(i);
            if (!Identifiers.isCountry(country)) {
                errors.add(new FieldError(field + "[" + i + "]",
                        "must be an upper-case ISO 3166 alpha-3 country code, such as DEU"));
            } else {
                countries.add(country);
            }
        }
        return List.copyOf(countries);
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            String summary = errors.stream().map(e -> e.field() + " " + e.message()).toList().toString();
            throw new LinksException(ErrorCode.VALIDATION_ERROR, "invalid request: " + summary, errors);
        }
    }
}
