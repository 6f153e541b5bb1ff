package io.links.query.bulk;

import io.links.query.config.ReadModelProcessingConfiguration;
import io.links.query.support.MemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Task read models of an earlier shape are rebuilt from the events; those of the current shape are left alone. */
class TaskReadModelUpgradeTest {

    private MemoryMongo store;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        store = new MemoryMongo();
        mongo = store.template();
        mongo.getCollection(TaskDocument.COLLECTION).insertOne(new Document("_id", "task-1"));
        mongo.getCollection(ReadModelProcessingConfiguration.TOKENS_COLLECTION).insertMany(List.of(
                new Document("processorName", "tasks").append("segment", 0),
                new Document("processorName", "links").append("segment", 0),
                new Document("processorName", "links").append("segment", 1)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void itemsKeptOneDocumentEachStartTheTasksProcessorAgainFromTheFirstEvent() {
        mongo.getCollection(TaskReadModelUpgrade.ITEMS_OF_EARLIER_VERSIONS).insertOne(new Document("_id", "task-1:0"));
        mongo.getCollection(TaskChunkDocument.COLLECTION).insertOne(new Document("_id", "task-1:0"));

        new TaskReadModelUpgrade(mongo).afterSingletonsInstantiated();

        assertThat(mongo.collectionExists(TaskReadModelUpgrade.ITEMS_OF_EARLIER_VERSIONS)).isFalse();
        assertThat(mongo.getCollection(TaskDocument.COLLECTION).countDocuments()).isZero();
        assertThat(mongo.getCollection(TaskChunkDocument.COLLECTION).countDocuments()).isZero();
        assertThat(processors()).containsExactly("links", "links");
    }

    @Test
    void readModelsOfTheCurrentShapeStayAsTheyAre() {
        new TaskReadModelUpgrade(mongo).afterSingletonsInstantiated();

        assertThat(mongo.getCollection(TaskDocument.COLLECTION).countDocuments()).isOne();
        assertThat(processors()).containsExactly("tasks", "links", "links");
    }

    private List<String> processors() {
        List<String> names = new ArrayList<>();
        mongo.getCollection(ReadModelProcessingConfiguration.TOKENS_COLLECTION).find()
                .forEach(token -> names.add(token.getString("processorName")));
        return names;
    }
}
