package io.links.api.link;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of an SMS attempt. */
public enum SmsStatus {
    SENT("sent"),
    FAILED("failed");

    private final String value;

    SmsStatus(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON. */
    @JsonValue
    public String value() {
        return value;
    }
}
