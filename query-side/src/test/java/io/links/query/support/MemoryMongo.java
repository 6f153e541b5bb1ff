package io.links.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A MongoDB wire server on the embedded store's backend, in memory, for one test of the read models. */
public final class MemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    public MemoryMongo() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        template = new MongoTemplate(client, "links");
    }

    public MongoTemplate template() {
        return template;
    }

    public MongoClient client() {
        return client;
    }

    /** Every document of each collection, in the order of their ids, by collection. */
    public Map<String, List<Document>> documents(String... collections) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, template.getCollection(collection).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>()));
        }
        return documents;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
