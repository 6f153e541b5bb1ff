package io.links.query.config;

import io.links.query.bulk.TaskDocument;
import io.links.query.bulk.TaskChunkDocument;
import io.links.query.link.ActivationDocument;
import io.links.query.link.LinkDocument;
import io.links.query.link.SmsDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Creates the read models' indexes at start, before any request or projection touches them. Every listing is
 * scoped to one organisation, so every link index leads with {@code organisationId}; the second key is the filter
 * or sort it serves. See docs/read-models.md for the reason behind each.
 */
@Component
public class ReadModelIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReadModelIndexes.class);

    /** Each index as collection, name and keys in order (1 ascending, -1 descending). */
    static final List<IndexSpec> INDEXES = List.of(
            new IndexSpec(LinkDocument.COLLECTION, "org_updated", Map.of("organisationId", 1), "updatedAt", -1),
            new IndexSpec(LinkDocument.COLLECTION, "org_created", Map.of("organisationId", 1), "createdAt", -1),
            new IndexSpec(LinkDocument.COLLECTION, "org_name", Map.of("organisationId", 1), "nameKey", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_usage", Map.of("organisationId", 1), "usageTotal", -1),
            new IndexSpec(LinkDocument.COLLECTION, "org_status", Map.of("organisationId", 1), "status", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_plans", Map.of("organisationId", 1), "activePlanIds", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_coverages", Map.of("organisationId", 1), "activeCoverageIds",
                    1),
            new IndexSpec(LinkDocument.COLLECTION, "org_zones", Map.of("organisationId", 1), "compatibilityZones", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_countries", Map.of("organisationId", 1), "simCountries", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_sim_type", Map.of("organisationId", 1), "simType", 1),
            new IndexSpec(LinkDocument.COLLECTION, "org_network_country", Map.of("organisationId", 1),
                    "networkStatus.country", 1),
            new IndexSpec(ActivationDocument.COLLECTION, "link_created", Map.of("linkId", 1), "createdAt", -1),
            new IndexSpec(ActivationDocument.COLLECTION, "link_status", Map.of("linkId", 1), "status", 1),
            new IndexSpec(SmsDocument.COLLECTION, "link_sent", Map.of("linkId", 1), "sentAt", -1),
            new IndexSpec(TaskDocument.COLLECTION, "org_created", Map.of("organisationId", 1), "createdAt", -1),
            new IndexSpec(TaskChunkDocument.COLLECTION, "task_chunk", Map.of("taskId", 1), "chunk", 1));

    private final MongoTemplate mongo;

    public ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (IndexSpec spec : INDEXES) {
            Index index = new Index().named(spec.name());
            spec.leading().forEach((field, direction) -> index.on(field, direction(direction)));
            index.on(spec.field(), direction(spec.direction()));
            mongo.indexOps(spec.collection()).ensureIndex(index);
        }
        log.info("Read-model indexes in place: [{}]", INDEXES.size());
    }

    private static Sort.Direction direction(int direction) {
        return direction < 0 ? Sort.Direction.DESC : Sort.Direction.ASC;
    }

    /**
     * One compound index: the leading key (its scope) and the key it serves.
     *
     * @param collection the collection
     * @param name       the index's name
     * @param leading    the leading key and its direction
     * @param field      the key it serves
     * @param direction  that key's direction
     */
    record IndexSpec(String collection, String name, Map<String, Integer> leading, String field, int direction) {
    }
}
