package io.links.api.link;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who started an activation: the customer, or the automatic renewal of a plan. */
public enum ActivationSource {
    MANUAL("manual"),
    RESUBSCRIPTION("resubscription");

    private final String value;

    ActivationSource(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose JSON value is {@code value}, or null when there is none. */
    public static ActivationSource fromValue(String value) {
        for (ActivationSource candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
