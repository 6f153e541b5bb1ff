package io.links.api.link;

import com.fasterxml.jackson.annotation.JsonValue;

/** A radio access technology that can be barred on a link. */
public enum NetworkType {
    G2("2g"),
    G3("3g"),
    G4("4g"),
    G5("5g"),
    LTE_M("lte_m"),
    NB_IOT("nb_iot");

    private final String value;

    NetworkType(String value) {
        this.value = value;
    }

    /** The value as it reads in JSON and in query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The constant whose JSON value is {@code value}, or null when there is none. */
    public static NetworkType fromValue(String value) {
        for (NetworkType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
