package io.links.query.config;

/**
 * Names of the read-model processors; each is also the name its token is stored under.
 */
public final class ProcessingGroups {

    public static final String LINKS = "links";

    public static final String TASKS = "tasks";

    /**
     * Whether this node builds read models: every node but those started with {@code links.role=command}, which
     * leave the projections to the query nodes and read what those write.
     */
    public static final String RUNS_PROJECTIONS = "!'${links.role:all}'.equalsIgnoreCase('command')";

    private ProcessingGroups() {
    }
}
