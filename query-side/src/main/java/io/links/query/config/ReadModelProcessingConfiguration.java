package io.links.query.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.List;

/**
 * The processors that build the read models. Each keeps its token in MongoDB beside its documents, so that a read
 * model and its position in the event stream are dropped and rebuilt together. A failing event stops its segment,
 * which retries it; no event is ever skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessingConfiguration {

    /** The processing groups that write to MongoDB. */
    public static final List<String> READ_MODEL_GROUPS = List.of(ProcessingGroups.LINKS, ProcessingGroups.TASKS);

    /** Where the read-model processors keep their tokens. */
    public static final String TOKENS_COLLECTION = "tracking_tokens";

    /**
     * Registers the Mongo token store for the read-model groups only. It is deliberately not a bean: a token store
     * bean would replace the JDBC one that the command side's processors keep in PostgreSQL.
     */
    @Bean
    public ConfigurerModule readModelProcessors(MongoDatabaseFactory mongo, Serializer serializer) {
        TokenStore readModelTokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongo.getMongoDatabase())
                        .trackingTokensCollectionName(TOKENS_COLLECTION)
                        .build())
                .serializer(serializer)
                .build();
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            for (String group : READ_MODEL_GROUPS) {
                processing.registerTokenStore(group, c -> readModelTokenStore)
                        .registerTransactionManager(group, c -> NoTransactionManager.instance());
            }
        });
    }
}
