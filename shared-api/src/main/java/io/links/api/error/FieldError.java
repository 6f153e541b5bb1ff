package io.links.api.error;

/**
 * One invalid field of a request: its name as the client sent it and what is wrong with it.
 *
 * @param field   the field's name, dotted for nested fields
 * @param message why the value was refused
 */
public record FieldError(String field, String message) {
}
