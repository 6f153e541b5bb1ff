package io.links.app.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.links.app.LinksProperties;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stores the service runs itself when none is configured: PostgreSQL when {@code spring.datasource.url} is
 * unset, a MongoDB wire server when {@code spring.data.mongodb.uri} is unset, each with its data under
 * {@code links.data-dir}. Everything above the connection is the same code as with external stores.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedStoresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoresConfiguration.class);

    static final String NO_DATASOURCE = "'${spring.datasource.url:}'.isEmpty()";
    static final String NO_MONGO = "'${spring.data.mongodb.uri:}'.isEmpty()";
    private static final int MIN_CACHE_MB = 16;

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(NO_DATASOURCE)
    public EmbeddedPostgres embeddedPostgres(LinksProperties properties) {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(properties.dataDir().resolve("postgres"));
        log.info("Event store: embedded PostgreSQL on port {} with data in {}", postgres.port(),
                postgres.dataDirectory());
        return postgres;
    }

    @Bean
    @ConditionalOnExpression(NO_DATASOURCE)
    public JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression(NO_MONGO)
    public MongoServer embeddedMongo(LinksProperties properties) {
        Path directory = properties.dataDir().resolve("mongo").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        // The server reads every document of a collection for each query (it has no secondary indexes), so the
        // store's page cache decides whether that is a walk through memory or a decoding of file pages each time.
        int cacheMegabytes = (int) Math.max(MIN_CACHE_MB, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        MVStore store = new MVStore.Builder().fileName(directory.resolve("links.mv").toString())
                .cacheSize(cacheMegabytes).open();
        MongoServer server = new MongoServer(new H2Backend(store));
        InetSocketAddress address = server.bind();
        log.info("Read-model store: embedded MongoDB wire server (H2 file backend) on port {} with data in {}"
                + " and a {} MB cache", address.getPort(), directory, cacheMegabytes);
        return server;
    }

    @Bean
    @ConditionalOnExpression(NO_MONGO)
    public MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/links");
        return () -> connection;
    }
}
