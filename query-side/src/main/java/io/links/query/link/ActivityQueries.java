package io.links.query.link;

import io.links.api.error.LinksException;
import io.links.api.link.ActivationSource;
import io.links.api.link.ActivationStatus;
import io.links.api.link.ActivationView;
import io.links.api.link.SmsView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.query.config.Pages;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads what happened on a link: its activations and its SMS attempts.
 */
@Service
public class ActivityQueries {

    /** The fields the activation listing may be sorted by. */
    public static final Map<String, String> ACTIVATION_SORTS = Map.of("created_at", "createdAt",
            "updated_at", "updatedAt", "activated_at", "activatedAt", "expires_at", "expiresAt", "status", "status");

    /** The fields the SMS listing may be sorted by. */
    public static final Map<String, String> SMS_SORTS = Map.of("sent_at", "sentAt", "status", "status");

    private final MongoTemplate mongo;

    public ActivityQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The link's activations that are not removed, filtered by status, plan and source; newest first unless
     * another order is asked for.
     */
    public Page<ActivationView> activations(String organisationId, String linkId, List<ActivationStatus> statuses,
                                            List<String> planIds, List<ActivationSource> sources, PageRequest page) {
        Criteria criteria = where("linkId").is(linkId).and("organisationId").is(organisationId);
        criteria = statuses.isEmpty() ? criteria.and("status").ne(ActivationStatus.REMOVED)
                : criteria.and("status").in(statuses);
        if (!planIds.isEmpty()) {
            criteria = criteria.and("plan.id").in(planIds);
        }
        if (!sources.isEmpty()) {
            criteria = criteria.and("source").in(sources);
        }
        return Pages.of(mongo, Query.query(criteria), page, ACTIVATION_SORTS, "createdAt", ActivationDocument.class)
                .map(ActivityQueries::view);
    }

    /** One activation of the link, 404 when there is none or it was removed. */
    public ActivationView activation(String organisationId, String linkId, String activationId) {
        ActivationDocument activation = mongo.findOne(Query.query(where("_id").is(activationId).and("linkId")
                .is(linkId).and("organisationId").is(organisationId)), ActivationDocument.class);
        if (activation == null || activation.status() == ActivationStatus.REMOVED) {
            throw LinksException.notFound("activation", activationId);
        }
        return view(activation);
    }

    /** The link's SMS attempts, sent and failed, newest first unless another order is asked for. */
    public Page<SmsView> sms(String organisationId, String linkId, PageRequest page) {
        Query query = Query.query(where("linkId").is(linkId).and("organisationId").is(organisationId));
        return Pages.of(mongo, query, page, SMS_SORTS, "sentAt", SmsDocument.class).map(ActivityQueries::view);
    }

    static ActivationView view(ActivationDocument activation) {
        return new ActivationView(activation.id(), new ActivationView.PlanSummary(activation.plan().id(),
                activation.plan().name(), activation.plan().dataBytes(), activation.plan().validityDays()),
                activation.status(), activation.source(), activation.usage(),
                Math.max(0, activation.plan().dataBytes() - activation.usage().bytesTotal()), activation.createdAt(),
                activation.updatedAt(), activation.activatedAt(), activation.expiresAt());
    }

    static SmsView view(SmsDocument sms) {
        return new SmsView(sms.id(), sms.message(), sms.status(), sms.sentAt(), sms.failureReason());
    }
}
