package io.links.app.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stores the tests run against: PostgreSQL and MongoDB containers when a Docker engine is reachable, otherwise
 * the service's own embedded stores. Either way the service code under test is the same; only the connection
 * settings differ.
 */
public final class TestStores {

    private static final Logger log = LoggerFactory.getLogger(TestStores.class);

    private static PostgreSQLContainer<?> postgres;
    private static MongoDBContainer mongo;
    private static Boolean docker;

    private TestStores() {
    }

    /** Whether the tests use containers. */
    public static synchronized boolean containers() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                docker = false;
            }
            log.info("Test stores: {}", docker ? "Testcontainers (PostgreSQL 17, MongoDB 7)"
                    : "the service's embedded PostgreSQL and MongoDB wire server");
            if (docker) {
                postgres = new PostgreSQLContainer<>("postgres:17");
                mongo = new MongoDBContainer("mongo:7");
                postgres.start();
                mongo.start();
            }
        }
        return docker;
    }

    /** The settings a service instance needs for the test stores, with its embedded data under {@code dataDir}. */
    public static Map<String, String> settings(Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("links.data-dir", dataDir.toString());
        if (containers()) {
            settings.put("spring.datasource.url", postgres.getJdbcUrl());
            settings.put("spring.datasource.username", postgres.getUsername());
            settings.put("spring.datasource.password", postgres.getPassword());
            settings.put("spring.data.mongodb.uri", mongo.getReplicaSetUrl("links"));
        }
        return settings;
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir) {
        settings(dataDir).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A new empty folder for one service instance's embedded data. */
    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("links-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
