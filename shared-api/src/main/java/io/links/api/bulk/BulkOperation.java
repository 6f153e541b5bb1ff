package io.links.api.bulk;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a bulk task does to each of its links; each mirrors one single-link endpoint. */
public enum BulkOperation {
    /** Detach the SIM, as {@code DELETE /links/{id}/sim}. */
    DELINK("delink"),
    /** Soft-delete the link, as {@code DELETE /links/{id}}. */
    DELETE("delete"),
    /** As {@code POST /links/{id}/suspend}. */
    SUSPEND("suspend"),
    /** As {@code POST /links/{id}/resume}. */
    RESUME("resume"),
    /** Activate the task's plan, as {@code POST /links/{id}/activations}. */
    ACTIVATE_PLAN("activate-plan"),
    /** Remove every active activation of the task's plan. */
    REMOVE_PLAN("remove-plan");

    private final String value;

    BulkOperation(String value) {
        this.value = value;
    }

    /** The value as it reads in paths, JSON and query parameters. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Whether the operation needs a {@code plan_id}. */
    public boolean needsPlan() {
        return this == ACTIVATE_PLAN || this == REMOVE_PLAN;
    }

    /** The constant whose value is {@code value}, or null when there is none. */
    public static BulkOperation fromValue(String value) {
        for (BulkOperation candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        return null;
    }
}
