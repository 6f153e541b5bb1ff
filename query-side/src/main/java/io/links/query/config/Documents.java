package io.links.query.config;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Lookups of read-model documents by id that every store answers through its id index. */
public final class Documents {

    private Documents() {
    }

    /**
     * Whether {@code collection} holds a document with this id. Read as a find of the id alone: a count, which is
     * how {@code MongoTemplate.exists} asks, runs as an aggregation that the embedded store answers by reading the
     * whole collection.
     */
    public static boolean exists(MongoTemplate mongo, String id, String collection) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, collection) != null;
    }
}
