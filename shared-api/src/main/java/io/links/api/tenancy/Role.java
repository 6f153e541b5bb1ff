package io.links.api.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an organisation's API key may do: {@code admin} also manages the catalog and the keys. */
public enum Role {
    MEMBER("member"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The role's name in JSON. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The role named {@code value}, or null when there is none. */
    public static Role fromValue(String value) {
        for (Role role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
