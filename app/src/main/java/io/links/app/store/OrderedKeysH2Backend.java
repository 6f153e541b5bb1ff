package io.links.app.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The H2 backend of the embedded MongoDB wire server with cheap index lookups.
 *
 * <p>The stock backend keeps each unique index (every {@code _id} among them) in a map whose keys it orders by
 * their Java serialization, because its key class is not {@link Comparable}: every step of every index search
 * serializes two keys. That was most of the read-model store's CPU during bulk tasks. Here the same maps order
 * their keys by their values instead; only the order inside the file changes, so a file written with the stock
 * order must not be opened with this one (see {@link EmbeddedMongo}). Its indexes also serve queries that name
 * more than the index's keys ({@link KeyIndex}), and its collections keep no size totals
 * ({@link LeanCollection}).
 */
final class OrderedKeysH2Backend extends H2Backend {

    OrderedKeysH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * A database whose unique indexes are {@link KeyIndex}es and whose collections are {@link LeanCollection}s.
     * Inner, so that both can reach the store.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        // Both factories below are called by the constructor of H2Database already: they may use the enclosing
        // backend, never fields of their own. Map names are the stock backend's, so that a drop removes the maps.

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            return new LeanCollection(this, collectionName, options,
                    getMvStore().openMap("databases." + fullName), getMvStore().openMap("meta." + fullName),
                    getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
            return new KeyIndex(map, indexName, keys, sparse);
        }
    }

    /**
     * A collection that does not total its documents' sizes, and updates top-level fields without copying the whole
     * document. The stock collection encodes the old and the new document to BSON on every write, only to keep the
     * total that {@code collStats} reports, and writes the total to the store each time; nothing here asks for it.
     */
    private static final class LeanCollection extends H2Collection {

        private static final String SET = "$set";

        LeanCollection(MongoDatabase database, String name, CollectionOptions options,
                       MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * An update of one document found through the {@code _id} index that only sets top-level fields no index
         * covers, the write of every projection, changes the stored document in place as the stock path does, but
         * without its two deep copies of the document: the fields it sets are replaced whole, and nothing else of
         * the document changes. Every other update takes the stock path.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean multi, boolean upsert, Oplog oplog) {
            Index<Object> byId = multi || !arrayFilters.isEmpty() ? null : idIndexFor(selector, setFields(update));
            if (byId == null) {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            }
            Iterator<Document> found = queryDocuments(selector, null, 0, 0, 0, null).iterator();
            if (!found.hasNext()) {
                // nothing matched: the stock path answers that, or inserts for an upsert
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            }
            Document document = found.next();
            Document before = new Document(document);
            ((Document) update.get(SET)).forEach(document::put);
            List<Object> updated = new ArrayList<>();
            if (!document.equals(before)) {
                handleUpdate(byId.getPosition(before), before, document);
                updated.add(document.get(getIdField()));
            }
            oplog.handleUpdate(getFullName(), selector, update, updated);
            Document result = new Document();
            result.put("n", 1);
            result.put("nModified", updated.size());
            return result;
        }

        /** The top-level field a path starts with. */
        private static String root(String path) {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }

        /** The fields a {@code $set}-only update sets, when they are top-level fields other than the id; else null. */
        private Set<String> setFields(Document update) {
            if (update.size() != 1 || !(update.get(SET) instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            for (String field : fields.keySet()) {
                if (field.isEmpty() || field.contains(".") || field.startsWith("$") || field.equals(getIdField())) {
                    return null;
                }
            }
            return fields.keySet();
        }

        /** The {@code _id} index, when it serves {@code selector} and no kept index covers any of {@code fields}. */
        private Index<Object> idIndexFor(Document selector, Set<String> fields) {
            if (fields == null) {
                return null;
            }
            Index<Object> byId = null;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof EmptyIndex) {
                    // an index the backend accepts but does not keep: nothing to check or update
                    continue;
                }
                for (IndexKey key : index.getKeys()) {
                    // a key of the index, or a path into a field set whole ("sim" for "sim.iccid")
                    if (fields.contains(root(key.getKey()))) {
                        return null;
                    }
                }
                if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(getIdField())
                        && index.canHandle(selector)) {
                    byId = index;
                }
            }
            return byId;
        }
    }

    /**
     * A unique index kept in one map from key to the document's position, as the stock backend keeps it. Unlike the
     * stock index it also serves a query that names each of its keys with a plain value and other fields besides,
     * such as a write addressed by {@code _id} on the condition of a version: the index finds the one candidate,
     * and the collection then matches it against the whole query, as it does with every candidate.
     */
    private static final class KeyIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        KeyIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return super.canHandle(query) || keys().stream().allMatch(key -> plain(query.get(key)));
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            if (query.keySet().equals(keySet())) {
                return super.getPositions(query);
            }
            Document keysOnly = new Document();
            keys().forEach(key -> keysOnly.put(key, query.get(key)));
            return super.getPositions(keysOnly);
        }

        /** A value the field must equal: not an operator, list, pattern, sub-document or null. */
        private static boolean plain(Object value) {
            return value != null && !(value instanceof Map) && !(value instanceof Collection)
                    && !(value instanceof Missing) && !BsonRegularExpression.isRegularExpression(value)
                    && !(value instanceof Pattern);
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * Orders index keys value by value: values of one class by their natural order, values of different classes by
     * class name. Where the natural order calls two unequal values the same (or there is none), their serialized
     * forms decide, so that keys compare as equal exactly when they are equal. Keys are still stored as the stock
     * backend stores them.
     */
    static final class KeyOrder extends ObjectDataType {

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                return compareKeys(left, right);
            }
            return super.compare(a, b);
        }

        static int compareKeys(KeyValue left, KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compareValues(Object left, Object right) {
            if (left == right) {
                return 0;
            }
            if (left == null || right == null) {
                return left == null ? -1 : 1;
            }
            if (left.getClass() != right.getClass()) {
                return left.getClass().getName().compareTo(right.getClass().getName());
            }
            if (left instanceof Comparable comparable) {
                int order = comparable.compareTo(right);
                if (order != 0) {
                    return order;
                }
            }
            if (left.equals(right)) {
                return 0;
            }
            return compareNotNull(serialize(left), serialize(right));
        }
    }
}
