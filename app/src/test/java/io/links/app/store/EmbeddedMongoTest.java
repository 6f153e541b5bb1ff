package io.links.app.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.backend.KeyValue;
import io.links.app.store.OrderedKeysH2Backend.KeyOrder;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded read-model store: its documents, found through its indexes, before and after a restart. */
class EmbeddedMongoTest {

    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path directory;

    @Test
    void documentsAreFoundByIdAfterWritesAndAfterARestart() {
        List<Object> names = new ArrayList<>();
        List<Object> objectIds = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            names.add("task-" + i);
            objectIds.add(new ObjectId());
        }
        // one collection per kind of id: the H2 backend cannot order ids of different types in one collection
        with("names", collection -> {
            write(collection, names);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", names.get(2))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertStored(collection, names);
        });
        with("objects", collection -> {
            write(collection, objectIds);
            assertStored(collection, objectIds);
        });
        with("names", collection -> assertStored(collection, names));
        with("objects", collection -> assertStored(collection, objectIds));
    }

    @Test
    void aQueryNamingTheIdAndMoreMatchesTheWholeQuery() {
        with("names", collection -> {
            write(collection, List.of("a", "b", "c"));
            // a write on the condition of a version, as the projections write
            assertThat(collection.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("n", 0)),
                    Updates.set("n", 5)).getMatchedCount()).isZero();
            assertThat(collection.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("n", 1)),
                    Updates.set("n", 5)).getMatchedCount()).isOne();
            assertThat(collection.find(Filters.eq("_id", "a")).first().getInteger("n")).isEqualTo(5);
            assertThat(collection.find(Filters.and(Filters.eq("_id", "c"), Filters.eq("n", 2))).first()).isNotNull();
            assertThat(collection.find(Filters.and(Filters.eq("_id", "c"), Filters.eq("n", 3))).first()).isNull();
            assertThat(collection.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("n", 1))).first()).isNull();
            assertThat(collection.countDocuments(Filters.and(Filters.in("_id", "a", "c"), Filters.gt("n", 2))))
                    .isOne();
            assertThat(collection.countDocuments(Filters.and(Filters.eq("_id", "a"),
                    Filters.or(Filters.eq("n", 5), Filters.eq("n", 6))))).isOne();
        });
    }

    @Test
    void updatesChangeWhatTheySetAndNothingElseBeforeAndAfterARestart() {
        Document sim = new Document("iccid", "8944").append("zones", List.of("eu", "global"));
        with("links", collection -> {
            collection.createIndex(new Document("code", 1), new IndexOptions().unique(true));
            // accepted and not kept by the backend, as the service's filter indexes are
            collection.createIndex(new Document("status", 1));
            collection.insertMany(List.of(
                    new Document("_id", "a").append("code", 1).append("status", "active").append("version", 3L)
                            .append("sim", sim).append("tags", List.of("x")),
                    new Document("_id", "b").append("code", 2).append("status", "active").append("version", 1L)));

            // top-level fields on the condition of a version, as the projections write
            UpdateResult suspended = collection.updateOne(
                    Filters.and(Filters.eq("_id", "a"), Filters.lt("version", 4L)),
                    Updates.combine(Updates.set("status", "suspended"), Updates.set("version", 4L),
                            Updates.set("added", new Document("k", "v"))));
            assertThat(suspended.getMatchedCount()).isOne();
            assertThat(suspended.getModifiedCount()).isOne();
            UpdateResult stale = collection.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.lt("version", 4L)),
                    Updates.set("status", "active"));
            assertThat(stale.getMatchedCount()).isZero();
            UpdateResult same = collection.updateOne(Filters.eq("_id", "a"), Updates.set("status", "suspended"));
            assertThat(same.getMatchedCount()).isOne();
            assertThat(same.getModifiedCount()).isZero();

            // a field an index covers, a path into a document, and an upsert take the stock way, with its checks
            assertThatThrownBy(() -> collection.updateOne(Filters.eq("_id", "b"), Updates.set("code", 1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            collection.updateOne(Filters.eq("_id", "b"), Updates.set("sim.iccid", "8945"));
            collection.updateOne(Filters.eq("_id", "c"), Updates.set("status", "pre_active"),
                    new UpdateOptions().upsert(true));
            assertThat(collection.updateOne(Filters.eq("_id", "d"), Updates.set("status", "x")).getMatchedCount())
                    .isZero();
        });
        with("links", collection -> {
            assertThat(collection.find(Filters.eq("_id", "a")).first()).isEqualTo(new Document("_id", "a")
                    .append("code", 1).append("status", "suspended").append("version", 4L).append("sim", sim)
                    .append("tags", List.of("x")).append("added", new Document("k", "v")));
            assertThat(collection.find(Filters.eq("_id", "b")).first()).isEqualTo(new Document("_id", "b")
                    .append("code", 2).append("status", "active").append("version", 1L)
                    .append("sim", new Document("iccid", "8945")));
            assertThat(collection.find(Filters.eq("_id", "c")).first())
                    .isEqualTo(new Document("_id", "c").append("status", "pre_active"));
            assertThat(collection.countDocuments()).isEqualTo(3);
            assertThat(collection.find(Filters.eq("code", 1)).first().getString("_id")).isEqualTo("a");
        });
    }

    @Test
    void aFileWrittenInTheStockIndexOrderIsReplacedByAnEmptyStore() throws Exception {
        Files.writeString(directory.resolve(EmbeddedMongo.STOCK_ORDER_FILE), "not in our order");
        with("names", collection -> {
            assertThat(collection.countDocuments()).isZero();
            collection.insertOne(new Document("_id", "a"));
            assertThat(collection.find(Filters.eq("_id", "a")).first()).isNotNull();
        });
        assertThat(directory.resolve(EmbeddedMongo.STOCK_ORDER_FILE)).doesNotExist();
        assertThat(directory.resolve(EmbeddedMongo.FILE)).exists();
    }

    @Test
    void keysCompareAsEqualExactlyWhenTheyAreEqualAndInOneConsistentOrder() {
        List<Object> values = Arrays.asList(null, "a", "b", "ab", "", 1, 2, 1L, 1.0, -0.0, 0.0, Double.NaN,
                new BigDecimal("1.0"), new BigDecimal("1.00"), true, false, new de.bwaldvogel.mongo.bson.ObjectId(),
                new de.bwaldvogel.mongo.bson.ObjectId(), new de.bwaldvogel.mongo.bson.Document("a", 1),
                new de.bwaldvogel.mongo.bson.Document("a", 2), List.of(1, 2), List.of(1, 3));
        for (Object x : values) {
            for (Object y : values) {
                int order = KeyOrder.compareValues(x, y);
                assertThat(order == 0).as("%s against %s", x, y).isEqualTo(Objects.equals(x, y));
                assertThat(Integer.signum(order)).as("%s against %s", x, y)
                        .isEqualTo(-Integer.signum(KeyOrder.compareValues(y, x)));
                for (Object z : values) {
                    if (order < 0 && KeyOrder.compareValues(y, z) < 0) {
                        assertThat(KeyOrder.compareValues(x, z)).as("%s, %s, %s", x, y, z).isNegative();
                    }
                }
            }
        }
        assertThat(KeyOrder.compareKeys(new KeyValue("org", 1), new KeyValue("org", 1))).isZero();
        assertThat(KeyOrder.compareKeys(new KeyValue("org", 1), new KeyValue("org", 2))).isNegative();
        assertThat(KeyOrder.compareKeys(new KeyValue("org"), new KeyValue("org", 1))).isNegative();
    }

    /** Inserts a document per id, changes every third, deletes the second. */
    private static void write(MongoCollection<Document> collection, List<Object> ids) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            documents.add(new Document("_id", ids.get(i)).append("n", i));
        }
        collection.insertMany(documents);
        for (int i = 0; i < ids.size(); i += 3) {
            collection.updateOne(Filters.eq("_id", ids.get(i)), Updates.set("n", -i));
        }
        collection.deleteOne(Filters.eq("_id", ids.get(1)));
    }

    private static void assertStored(MongoCollection<Document> collection, List<Object> ids) {
        assertThat(collection.countDocuments()).isEqualTo(ids.size() - 1L);
        for (int i = 0; i < ids.size(); i++) {
            Document found = collection.find(Filters.eq("_id", ids.get(i))).first();
            if (i == 1) {
                assertThat(found).isNull();
            } else {
                assertThat(found).as("document %s", ids.get(i)).isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(i % 3 == 0 ? -i : i);
            }
        }
    }

    /** Runs {@code use} on a collection of a store started on the directory, then closes the store cleanly. */
    private void with(String collection, Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory)) {
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongo.port())) {
                use.accept(client.getDatabase("test").getCollection(collection));
            }
        }
    }
}
