package io.links.command.link;

import io.links.api.link.CollectUsage;
import io.links.command.store.EventStoreConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background worker that takes usage snapshots: every {@code links.usage.interval} it sends
 * {@link CollectUsage} to each link with a SIM and an active activation, and the link does the rest. One node
 * at a time runs a round (a PostgreSQL advisory lock), so that scaled-out command nodes do not ask the provider
 * twice; a link that fails (the provider is down, say) is tried again in the next round.
 */
@Component
@EnableConfigurationProperties(UsageProperties.class)
@ConditionalOnExpression("!'${links.role:all}'.equalsIgnoreCase('query')")
public class UsageCollector implements SmartLifecycle {

    /** The actor that the worker's events record. */
    public static final String ACTOR = "usage-collector";

    private static final Logger log = LoggerFactory.getLogger(UsageCollector.class);
    private static final long LOCK = 0x6c696e6b73L;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final UsageProperties properties;
    private ScheduledExecutorService schedule;

    public UsageCollector(JdbcTemplate jdbc, CommandGateway commands, UsageProperties properties) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.properties = properties;
    }

    /**
     * One round over every link with a SIM and an active activation, unless another node runs one now. Answers
     * how many links were collected, or -1 when another node held the round.
     */
    public int collect() {
        Integer collected = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                return round();
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        });
        return collected == null ? -1 : collected;
    }

    private int round() {
        List<Map<String, Object>> links = jdbc.queryForList("SELECT DISTINCT a.link_id, s.organisation_id "
                + "FROM plan_activation a JOIN sim s ON s.link_id = a.link_id");
        ExecutorService pool = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "usage-collector");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Map<String, Object> link : links) {
                String linkId = (String) link.get("link_id");
                MetaData meta = MetaData.with(EventStoreConfiguration.ACTOR, ACTOR)
                        .and(EventStoreConfiguration.ORGANISATION, link.get("organisation_id"));
                results.add(pool.submit(() -> collectOne(linkId, meta)));
            }
            int collected = 0;
            for (Future<Boolean> result : results) {
                collected += result.get() ? 1 : 0;
            }
            log.debug("Usage round took snapshots of [{}] of [{}] links", collected, links.size());
            return collected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a usage snapshot failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean collectOne(String linkId, MetaData meta) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CollectUsage(linkId)).andMetaData(meta));
            return true;
        } catch (RuntimeException e) {
            log.debug("Usage of link [{}] not collected this round: {}", linkId, e.getMessage());
            return false;
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public void start() {
        if (properties.interval().isZero()) {
            log.info("Usage worker is off (links.usage.interval=0)");
            return;
        }
        long every = properties.interval().toMillis();
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-schedule");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::scheduledRound, every, every, TimeUnit.MILLISECONDS);
        log.info("Usage worker takes snapshots every [{}] ms", every);
    }

    private void scheduledRound() {
        try {
            collect();
        } catch (RuntimeException e) {
            log.warn("Usage round failed; the next one tries again", e);
        }
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
