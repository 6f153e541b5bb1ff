package io.links.query.link;

import io.links.query.config.ProcessingGroups;
import io.links.query.config.VersionWaiter;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.data.util.Pair;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The writes of the links projection to link documents, each on the condition that the document holds an older
 * event than the one written, so that a redelivered event changes nothing.
 *
 * <p>Registered as an interceptor of the {@code links} processor, it gathers the writes of one batch of events and
 * sends them to the store as one ordered bulk request after the batch's last event, instead of one request per
 * event: a bulk task changes thousands of links, each by one write. The bulk request goes out while the last event
 * is being handled, so before the processor stores its token: a failed request fails the batch, which then comes
 * again. Anything that reads a link document first sends the writes gathered so far, so that it sees them. Outside
 * such a batch every write goes out at once.
 */
@Component
@ConditionalOnExpression(ProcessingGroups.RUNS_PROJECTIONS)
public class LinkWrites implements ConfigurerModule {

    private static final String GATHERED = LinkWrites.class.getName() + ".gathered";

    private final MongoTemplate mongo;
    private final VersionWaiter waiter;
    private final MessageHandlerInterceptor<EventMessage<?>> interceptor = this::gather;

    public LinkWrites(MongoTemplate mongo, VersionWaiter waiter) {
        this.mongo = mongo;
        this.waiter = waiter;
    }

    /**
     * Registers {@link #interceptor()} with the {@code links} processor alone. This is not itself an interceptor
     * bean, since Axon's Spring Boot support registers every such bean with every event processor.
     */
    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(ProcessingGroups.LINKS,
                configuration -> interceptor));
    }

    /** The interceptor that gathers the writes of a batch of the {@code links} processor. */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return interceptor;
    }

    /** Handles an event of a batch, and sends what the batch gathered after its last event. */
    private Object gather(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Gathered gathered = unitOfWork.root().getOrComputeResource(GATHERED, key -> new Gathered());
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            gathered.send();
        }
        return result;
    }

    /** Writes {@code update} and the event's sequence number to the link, unless it holds this event already. */
    void write(String linkId, long sequence, Update update) {
        Query unapplied = Query.query(where("_id").is(linkId).and("version").lt(sequence));
        Update change = update.set("version", sequence);
        Gathered gathered = gathered();
        if (gathered != null) {
            gathered.add(linkId, unapplied, change);
        } else if (mongo.updateFirst(unapplied, change, LinkDocument.class).getMatchedCount() > 0) {
            waiter.projected(linkId);
        }
    }

    /** Sends the writes gathered so far, before a link document is read. */
    void beforeRead() {
        Gathered gathered = gathered();
        if (gathered != null) {
            gathered.send();
        }
    }

    private static Gathered gathered() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(GATHERED) : null;
    }

    /** The writes of one batch not sent yet, and the links they change. */
    private final class Gathered {

        private final List<Pair<Query, UpdateDefinition>> writes = new ArrayList<>();
        private final Set<String> links = new LinkedHashSet<>();

        void add(String linkId, Query query, Update update) {
            writes.add(Pair.of(query, update));
            links.add(linkId);
        }

        void send() {
            if (writes.isEmpty()) {
                return;
            }
            mongo.bulkOps(BulkOperations.BulkMode.ORDERED, LinkDocument.class).updateOne(writes).execute();
            links.forEach(waiter::projected);
            writes.clear();
            links.clear();
        }
    }
}
