package io.links.api.bulk;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one link of a bulk task. */
public enum ItemStatus {
    PENDING("pending"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String value;

    ItemStatus(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose value is {@code value}, or null when there is none. */
    public static ItemStatus fromValue(String value) {
        for (ItemStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
