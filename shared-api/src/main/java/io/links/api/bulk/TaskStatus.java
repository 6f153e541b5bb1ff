package io.links.api.bulk;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a bulk task is: waiting for its first item, running, done, or stopped by a cancel. */
public enum TaskStatus {
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose value is {@code value}, or null when there is none. */
    public static TaskStatus fromValue(String value) {
        for (TaskStatus candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
