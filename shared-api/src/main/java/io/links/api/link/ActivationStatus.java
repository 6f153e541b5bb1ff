package io.links.api.link;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a plan activation is in its lifecycle. */
public enum ActivationStatus {
    PENDING("pending"),
    ACTIVE("active"),
    DEPLETED("depleted"),
    EXPIRED("expired"),
    REMOVED("removed");

    private final String value;

    ActivationStatus(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose JSON value is {@code value}, or null when there is none. */
    public static ActivationStatus fromValue(String value) {
        for (ActivationStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
