package io.links.api.link;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a link is in its lifecycle. */
public enum LinkStatus {
    PRE_ACTIVE("pre_active"),
    ACTIVE("active"),
    SUSPENDED("suspended"),
    HOLD("hold"),
    REMOVED("removed");

    private final String value;

    LinkStatus(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose JSON value is {@code value}, or null when there is none. */
    public static LinkStatus fromValue(String value) {
        for (LinkStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
