package io.links.query.config;

/**
 * Names of the read-model processors; each is also the name its token is stored under.
 */
public final class ProcessingGroups {

    public static final String LINKS = "links";

    private ProcessingGroups() {
    }
}
