package io.links.api.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** The physical form of a SIM. */
public enum SimType {
    PHYSICAL("physical"),
    ESIM("esim");

    private final String value;

    SimType(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose JSON value is {@code value}, or null when there is none. */
    public static SimType fromValue(String value) {
        for (SimType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
