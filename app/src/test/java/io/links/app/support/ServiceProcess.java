package io.links.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The service as a separate operating-system process, so that a test can kill it the hard way and start it again
 * on the same data.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path dataDir;
    private final List<String> launch;
    private final int port;
    private final Path log;
    private final Map<String, String> environment = new HashMap<>(Map.of(
            "LINKS_OPERATOR_KEY", Api.OPERATOR_KEY, "LINKS_DEMO_DATA", "false"));
    private Process process;

    /** The service as the tests' class path has it. */
    public ServiceProcess(Path dataDir) {
        this(dataDir, List.of("-cp", System.getProperty("java.class.path"), "io.links.app.LinksApplication"));
    }

    private ServiceProcess(Path dataDir, List<String> launch) {
        this.dataDir = dataDir;
        this.launch = launch;
        this.port = freePort();
        this.log = dataDir.resolve("service.log");
    }

    /** The service as its packaged {@code jar} runs it, with that jar's class path alone. */
    public static ServiceProcess packaged(Path jar, Path dataDir) {
        return new ServiceProcess(dataDir, List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** Sets an environment variable of the process, or removes it when {@code value} is null. */
    public ServiceProcess with(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** Starts the service and waits until its health is UP. */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        TestStores.settings(dataDir).forEach((name, value) -> env.put(environmentName(name), value));
        env.remove("LINKS_OPERATOR_KEY");
        env.putAll(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Api api = api();
        await("service on port " + port + " healthy; log in " + log).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service exited; its log: " + logText());
                    }
                    try {
                        Api.Answer health = api.get("/actuator/health", null);
                        return health.status() == 200 && "UP".equals(health.text("status"));
                    } catch (UncheckedIOException e) {
                        return false;
                    }
                });
        return this;
    }

    /** Kills the process with SIGKILL: no shutdown hook runs, nothing is closed cleanly. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /**
     * The settings that make another service process use this one's stores: the same containers, or this
     * process's embedded PostgreSQL and MongoDB wire server, found by the ports its log announced.
     */
    public Map<String, String> sharedStores() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (TestStores.containers()) {
            TestStores.settings(dataDir).forEach((name, value) -> settings.put(environmentName(name), value));
            settings.remove("LINKS_DATA_DIR");
            return settings;
        }
        String text = logText();
        settings.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:"
                + announcedPort(text, "Event store: embedded PostgreSQL on port ") + "/postgres");
        settings.put("SPRING_DATASOURCE_USERNAME", "postgres");
        settings.put("SPRING_DATASOURCE_PASSWORD", "");
        settings.put("SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:"
                + announcedPort(text, "embedded MongoDB wire server (H2 file backend) on port ") + "/links");
        return settings;
    }

    private static int announcedPort(String log, String announcement) {
        // the log holds every start on this data directory; the last announcement is this process's
        Matcher port = Pattern.compile(Pattern.quote(announcement) + "(\\d+)").matcher(log);
        String last = null;
        while (port.find()) {
            last = port.group(1);
        }
        if (last == null) {
            throw new IllegalStateException("the service log does not announce '" + announcement + "'");
        }
        return Integer.parseInt(last);
    }

    public Api api() {
        return new Api(port);
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        }
    }

    /** {@code spring.datasource.url} as the environment variable {@code SPRING_DATASOURCE_URL}. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
