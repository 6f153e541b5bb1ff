package io.links.query.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.api.link.LinkFilter;
import io.links.api.link.LinkStatus;
import io.links.api.link.LinkView;
import io.links.api.link.NetworkStatusView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.query.config.Pages;
import io.links.query.config.VersionWaiter;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads links from the read model.
 */
@Service
public class LinkQueries {

    /** The fields the listing may be sorted by, and the document fields behind them. */
    public static final Map<String, String> SORTS = Map.of(
            "name", "nameKey",
            "status", "status",
            "created_at", "createdAt",
            "updated_at", "updatedAt",
            "usage", "usageTotal");

    private static final TypeReference<Map<String, Object>> META = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;
    private final ObjectMapper json = new ObjectMapper();

    public LinkQueries(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    /** The link, 404 when the organisation has no such link, 410 when it was removed. */
    public LinkView get(String organisationId, String linkId) {
        LinkDocument link = find(organisationId, linkId)
                .orElseThrow(() -> LinksException.notFound("link", linkId));
        if (link.status() == LinkStatus.REMOVED) {
            throw LinksException.gone("link", linkId);
        }
        return view(link);
    }

    /**
     * The link once its read model holds the event with sequence number {@code version}, waiting at most
     * {@code timeout}. Answers empty when the bound passes first.
     */
    public Optional<LinkView> awaitVersion(String organisationId, String linkId, long version, Duration timeout) {
        try {
            return waiter.await(linkId, timeout, () -> find(organisationId, linkId)
                    .filter(doc -> doc.version() >= version)).map(this::view);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinksException(ErrorCode.UNAVAILABLE, "interrupted while waiting for link " + linkId);
        }
    }

    /** A page of the organisation's links that are not removed and match {@code filter}. */
    public Page<LinkView> list(String organisationId, LinkFilter filter, PageRequest page) {
        return Pages.of(mongo, Query.query(criteria(organisationId, filter)), page, SORTS, "updatedAt",
                LinkDocument.class).map(this::view);
    }

    /** The ids of at most {@code limit} listed links matching {@code filter}, oldest first. */
    public List<String> ids(String organisationId, LinkFilter filter, int limit) {
        Query query = Query.query(criteria(organisationId, filter))
                .with(Sort.by(Sort.Direction.ASC, "createdAt").and(Sort.by(Sort.Direction.ASC, "_id")))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, LinkDocument.COLLECTION).stream()
                .map(document -> document.getString("_id")).toList();
    }

    private Optional<LinkDocument> find(String organisationId, String linkId) {
        return Optional.ofNullable(mongo.findById(linkId, LinkDocument.class))
                .filter(link -> link.organisationId().equals(organisationId));
    }

    static Criteria criteria(String organisationId, LinkFilter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("organisationId").is(organisationId));
        if (filter.statuses().isEmpty()) {
            all.add(where("status").ne(LinkStatus.REMOVED));
        } else {
            all.add(where("status").in(filter.statuses().stream().filter(s -> s != LinkStatus.REMOVED).toList()));
        }
        if (filter.hasSim() != null) {
            all.add(filter.hasSim() ? where("sim").ne(null) : where("sim").is(null));
        }
        if (filter.hasActivations() != null) {
            all.add(filter.hasActivations() ? where("activePlanIds.0").exists(true)
                    : where("activePlanIds.0").exists(false));
        }
        anyOf(all, "simType", filter.simTypes().stream().map(t -> t.value()).toList());
        anyOf(all, "compatibilityZones", filter.compatibilityZones());
        anyOf(all, "activePlanIds", filter.planIds());
        anyOf(all, "activeCoverageIds", filter.coverageIds());
        anyOf(all, "simCountries", filter.countries());
        anyOf(all, "networkStatus.country", filter.networkCountries());
        if (filter.networkConnected() != null) {
            all.add(where("networkStatus.connected").is(filter.networkConnected()));
        }
        if (filter.search() != null && !filter.search().isEmpty()) {
            all.add(where("searchText").regex(literal(filter.search().toLowerCase(Locale.ROOT))));
        }
        return new Criteria().andOperator(all);
    }

    /**
     * A regular expression matching {@code text} literally. Every metacharacter is escaped one by one, since
     * {@code \\Q...\\E} quoting is not understood by every server speaking the MongoDB protocol.
     */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}-/".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    private static void anyOf(List<Criteria> all, String field, List<String> values) {
        if (!values.isEmpty()) {
            all.add(where(field).in(values));
        }
    }

    private LinkView view(LinkDocument link) {
        return new LinkView(link.id(), link.name(), link.status(), link.sim(), link.compatibilityZones(), link.usage(),
                NetworkStatusView.of(link.networkStatus(), false), link.barredNetworkTypes(), link.imeiLock(),
                meta(link.metaJson()), link.version() + 1, link.createdAt(), link.updatedAt());
    }

    private Map<String, Object> meta(String metaJson) {
        try {
            return metaJson == null ? Map.of() : json.readValue(metaJson, META);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored link meta is not JSON", e);
        }
    }
}
