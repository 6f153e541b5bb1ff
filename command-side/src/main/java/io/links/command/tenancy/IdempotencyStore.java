package io.links.command.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency keys of an organisation's requests, in PostgreSQL: which request a key was first used for, and the
 * answer it got once it is done.
 */
@Repository
public class IdempotencyStore {

    /** How often {@link #begin} looks again when the row it collided with vanished in between. */
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An answer as it was given: status, body, {@code Location} and {@code Content-Type} (both may be null). */
    public record StoredResponse(int status, String body, String location, String contentType) {
    }

    /** How long a claimed key may wait for its request's answer before a retry may claim it again. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    /** What {@link #begin} found. */
    public sealed interface Start permits Started, Replay, Mismatch, InProgress {
    }

    /** The key is new: the caller runs the request, then calls {@link #complete} or {@link #forget}. */
    public record Started() implements Start {
    }

    /** The key was used for this same request, which is done: its answer is to be given again. */
    public record Replay(StoredResponse response) implements Start {
    }

    /** The key was used for another request. */
    public record Mismatch() implements Start {
    }

    /** The key was used for this same request, which is still running. */
    public record InProgress() implements Start {
    }

    /**
     * Claims {@code key} of the organisation for the request whose hash is {@code requestHash}, unless it is
     * claimed already, and answers what was found.
     */
    public Start begin(String organisationId, String key, String requestHash) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int inserted = jdbc.update("INSERT INTO idempotency_key (organisation_id, idempotency_key, request_hash, "
                    + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id, idempotency_key) DO NOTHING",
                    organisationId, key, requestHash, Timestamp.from(clock.instant()));
            if (inserted == 1) {
                return new Started();
            }
            // a claim whose request never finished (the service stopped mid-request) is given up after a while,
            // so that a retry is not refused for as long as keys are kept
            jdbc.update("DELETE FROM idempotency_key WHERE organisation_id = ? AND idempotency_key = ? "
                    + "AND status_code IS NULL AND created_at < ?", organisationId, key,
                    Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
            List<Start> found = jdbc.query("SELECT request_hash, status_code, response_body, location, content_type "
                    + "FROM idempotency_key WHERE organisation_id = ? AND idempotency_key = ?", (rs, row) -> {
                        if (!requestHash.equals(rs.getString("request_hash"))) {
                            return new Mismatch();
                        }
                        int status = rs.getInt("status_code");
                        if (rs.wasNull()) {
                            return new InProgress();
                        }
                        return new Replay(new StoredResponse(status, rs.getString("response_body"),
                                rs.getString("location"), rs.getString("content_type")));
                    }, organisationId, key);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            // the request that held the key was forgotten in between: claim it again
        }
        return new InProgress();
    }

    /** Records the answer of the request that holds {@code key}. */
    public void complete(String organisationId, String key, int status, String body, String location,
                         String contentType) {
        jdbc.update("UPDATE idempotency_key SET status_code = ?, response_body = ?, location = ?, content_type = ? "
                + "WHERE organisation_id = ? AND idempotency_key = ?", status, body, location, contentType,
                organisationId, key);
    }

    /** Releases {@code key}, so that the next request with it runs as if it were new. */
    public void forget(String organisationId, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE organisation_id = ? AND idempotency_key = ?", organisationId,
                key);
    }

    /** Deletes the keys first used before {@code cutoff}; answers how many. */
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
