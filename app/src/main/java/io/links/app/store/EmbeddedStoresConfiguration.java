package io.links.app.store;

import com.mongodb.ConnectionString;
import io.links.app.LinksProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(NO_MONGO)
    public EmbeddedMongo embeddedMongo(LinksProperties properties) {
        return EmbeddedMongo.start(properties.dataDir().resolve("mongo").toAbsolutePath().normalize());
    }

    @Bean
    @ConditionalOnExpression(NO_MONGO)
    public MongoConnectionDetails embeddedMongoConnection(EmbeddedMongo mongo) {
        ConnectionString connection = new ConnectionString("mongodb://127.0.0.1:" + mongo.port() + "/links");
        return () -> connection;
    }
}
