package io.links.app.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which process a pid file left by a killed run may be stopped: only the PostgreSQL server of that data directory.
 * No server is started here.
 */
class OrphanedServerTest {

    private static final Optional<String> POSTGRES = Optional.of("/tmp/embedded-pg/PG-1/bin/postgres");

    @TempDir
    Path data;

    @Test
    void thePostgresBinaryOnThisDataDirectoryIsItsServer() {
        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, arguments("-D", data.toString(), "-p", "5432")))
                .isTrue();
        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, arguments("-D" + data.resolve("x/..")))).isTrue();
    }

    @Test
    void aPostgresServerOfAnotherDataDirectoryIsNot() {
        Path other = data.resolveSibling(data.getFileName() + "-other");

        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, arguments("-D", other.toString()))).isFalse();
        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, arguments("-D"))).isFalse();
    }

    @Test
    void anotherProgramIsNotEvenWhenItNamesTheDataDirectory() {
        assertThat(EmbeddedPostgres.isServerOf(data, Optional.of("/usr/bin/java"),
                arguments("-D", data.toString()))).isFalse();
        assertThat(EmbeddedPostgres.isServerOf(data, Optional.of("/usr/bin/postgres-exporter"),
                arguments("-D", data.toString()))).isFalse();
        assertThat(EmbeddedPostgres.isServerOf(data, Optional.empty(), arguments("-D", data.toString())))
                .isFalse();
    }

    @Test
    void aProcessWhoseArgumentsCannotBeReadIsNot() {
        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, Optional.empty())).isFalse();
        assertThat(EmbeddedPostgres.isServerOf(data, POSTGRES, arguments("postgres: checkpointer"))).isFalse();
    }

    @Test
    void aPidFileNamingALiveProcessThatIsNoServerIsStaleAndLeavesTheProcessAlone() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + data + "\n");

        EmbeddedPostgres.stopOrphanedServer(data);

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    private static Optional<String[]> arguments(String... arguments) {
        return Optional.of(arguments);
    }
}
