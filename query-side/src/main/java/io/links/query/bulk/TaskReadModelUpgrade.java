package io.links.query.bulk;

import io.links.query.config.ProcessingGroups;
import io.links.query.config.ReadModelProcessingConfiguration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the bulk-task read models when they are in the shape of earlier versions, which kept one document per
 * item in {@code task_items}: the task and chunk documents are removed, that collection is dropped, and so is the
 * {@code tasks} processor's position, so that the processor builds {@code tasks} and {@code task_chunks} again from
 * the first event. Runs at start, before any processor does.
 */
@Component
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class TaskReadModelUpgrade implements SmartInitializingSingleton {

    static final String ITEMS_OF_EARLIER_VERSIONS = "task_items";

    private static final Logger log = LoggerFactory.getLogger(TaskReadModelUpgrade.class);

    private final MongoTemplate mongo;

    public TaskReadModelUpgrade(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!mongo.collectionExists(ITEMS_OF_EARLIER_VERSIONS)) {
            return;
        }
        log.warn("The bulk-task read models are in the shape of an earlier version; they are rebuilt from the events");
        mongo.getCollection(ReadModelProcessingConfiguration.TOKENS_COLLECTION)
                .deleteMany(new Document("processorName", ProcessingGroups.TASKS));
        // emptied, not dropped, so that their indexes stay
        mongo.remove(new Query(), TaskDocument.class);
        mongo.remove(new Query(), TaskChunkDocument.class);
        // last, so that an upgrade interrupted before this point runs again at the next start
        mongo.dropCollection(ITEMS_OF_EARLIER_VERSIONS);
    }
}
