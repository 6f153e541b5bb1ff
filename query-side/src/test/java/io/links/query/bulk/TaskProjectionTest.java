package io.links.query.bulk;

import io.links.api.bulk.BulkChunkRecorded;
import io.links.api.bulk.BulkOperation;
import io.links.api.bulk.BulkTaskCancelled;
import io.links.api.bulk.BulkTaskFinished;
import io.links.api.bulk.BulkTaskStarted;
import io.links.api.bulk.ItemOutcome;
import io.links.api.bulk.ItemStatus;
import io.links.api.bulk.TaskItemView;
import io.links.api.bulk.TaskStatus;
import io.links.api.bulk.TaskView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.query.config.VersionWaiter;
import io.links.query.support.MemoryMongo;
import io.links.query.support.Redelivery;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk-task read models built from a task's events: counters that add up, items kept by chunk, their listing,
 * and redelivery that changes nothing. Runs the projection's handlers through Axon's own dispatch, on the embedded
 * store's backend.
 */
class TaskProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TASK = "task-1";
    private static final String ORG = "org-1";
    private static final List<String> LINKS = IntStream.range(0, 25).mapToObj(i -> "link-" + i).toList();

    /** 25 items in chunks of 10: chunk 1 runs, the task is cancelled, chunk 0 finishes, chunk 2 never starts. */
    private static final List<Object> HISTORY = List.of(
            new BulkTaskStarted(TASK, ORG, BulkOperation.SUSPEND, null, LINKS, 10),
            new BulkChunkRecorded(TASK, 1, outcomes(10, 20, position -> position % 4 == 0
                    ? failed(position) : completed(position))),
            new BulkTaskCancelled(TASK),
            new BulkChunkRecorded(TASK, 0, outcomes(0, 10, position -> position < 7
                    ? completed(position) : new ItemOutcome(position, LINKS.get(position), ItemStatus.CANCELLED,
                    null, null))),
            new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of(2)));

    /** The same items, every chunk recorded: cancelled while chunk 2 ran, whose last three items never started. */
    private static final List<Object> NONE_SKIPPED = List.of(
            new BulkTaskStarted(TASK, ORG, BulkOperation.SUSPEND, null, LINKS, 10),
            new BulkChunkRecorded(TASK, 0, outcomes(0, 10, TaskProjectionTest::completed)),
            new BulkChunkRecorded(TASK, 1, outcomes(10, 20, position -> position % 4 == 0
                    ? failed(position) : completed(position))),
            new BulkTaskCancelled(TASK),
            new BulkChunkRecorded(TASK, 2, outcomes(20, 25, position -> position < 22
                    ? completed(position) : new ItemOutcome(position, LINKS.get(position), ItemStatus.CANCELLED,
                    null, null))),
            new BulkTaskFinished(TASK, TaskStatus.CANCELLED, List.of()));

    private MemoryMongo store;
    private MongoTemplate mongo;
    private AnnotationEventHandlerAdapter projection;
    private TaskQueries queries;

    @BeforeEach
    void store() {
        store = new MemoryMongo();
        mongo = store.template();
        projection = new AnnotationEventHandlerAdapter(new TaskProjection(mongo, new VersionWaiter()));
        queries = new TaskQueries(mongo, new VersionWaiter());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theCountersFollowTheChunksAndAddUpOnceTheTaskEnds() throws Exception {
        deliver(0);
        assertThat(queries.get(ORG, TASK)).extracting(TaskView::status, TaskView::totalItems, TaskView::pendingItems)
                .containsExactly(TaskStatus.QUEUED, 25L, 25L);
        assertThat(mongo.getCollection(TaskChunkDocument.COLLECTION).countDocuments()).isEqualTo(3);
        deliver(1);
        assertThat(queries.get(ORG, TASK)).extracting(TaskView::status, TaskView::completedItems,
                TaskView::failedItems, TaskView::pendingItems).containsExactly(TaskStatus.IN_PROGRESS, 8L, 2L, 15L);
        for (int sequence = 2; sequence < HISTORY.size(); sequence++) {
            deliver(sequence);
        }
        TaskView task = queries.get(ORG, TASK);
        assertThat(task).extracting(TaskView::status, TaskView::completedItems, TaskView::failedItems,
                TaskView::cancelledItems, TaskView::pendingItems)
                .containsExactly(TaskStatus.CANCELLED, 15L, 2L, 8L, 0L);
        assertThat(items(List.of(), null, true, 1, 200).items()).extracting(TaskItemView::status)
                .containsOnly(ItemStatus.COMPLETED, ItemStatus.FAILED, ItemStatus.CANCELLED);
    }

    @Test
    void chunksAreStoredAsTheMappingStoresThemWhenTheTaskStartsAndAsTheyAreRecorded() throws Exception {
        deliver(0);
        Instant started = T0;
        assertStoredAsMapped("task-1:1", new TaskChunkDocument("task-1:1", TASK, ORG, 1,
                IntStream.range(10, 20).mapToObj(position -> new TaskChunkDocument.Item(position,
                        LINKS.get(position), ItemStatus.PENDING, null, null, started)).toList()));
        deliver(1);
        Instant recorded = T0.plus(1, ChronoUnit.MINUTES);
        assertStoredAsMapped("task-1:1", new TaskChunkDocument("task-1:1", TASK, ORG, 1,
                IntStream.range(10, 20).mapToObj(position -> position % 4 == 0
                        ? new TaskChunkDocument.Item(position, LINKS.get(position), ItemStatus.FAILED, "not_found",
                        "link " + LINKS.get(position) + " was not found", recorded)
                        : new TaskChunkDocument.Item(position, LINKS.get(position), ItemStatus.COMPLETED, null,
                        null, recorded)).toList()));
        assertThat(mongo.findById("task-1:1", TaskChunkDocument.class).items()).extracting(
                TaskChunkDocument.Item::status).containsOnly(ItemStatus.COMPLETED, ItemStatus.FAILED);
    }

    /** The stored chunk has the fields, their order and their value types that the mapping writes for it. */
    private void assertStoredAsMapped(String chunkId, TaskChunkDocument expected) {
        Document mapped = new Document();
        mongo.getConverter().write(expected, mapped);
        Document stored = store.documents(TaskChunkDocument.COLLECTION).get(TaskChunkDocument.COLLECTION).stream()
                .filter(chunk -> chunk.get("_id").equals(chunkId)).findFirst().orElseThrow();
        assertThat(stored.keySet()).containsExactlyElementsOf(mapped.keySet());
        assertThat(stored).isEqualTo(mapped);
        List<Document> storedItems = stored.getList("items", Document.class);
        List<Document> mappedItems = mapped.getList("items", Document.class);
        for (int i = 0; i < mappedItems.size(); i++) {
            assertThat(storedItems.get(i).keySet()).containsExactlyElementsOf(mappedItems.get(i).keySet());
            for (String field : mappedItems.get(i).keySet()) {
                assertThat(storedItems.get(i).get(field)).as(field)
                        .isInstanceOf(mappedItems.get(i).get(field).getClass());
            }
        }
    }

    @Test
    void aTaskThatSkippedNoChunkAddsUpFromItsChunksAlone() throws Exception {
        for (int sequence = 0; sequence < NONE_SKIPPED.size(); sequence++) {
            deliver(NONE_SKIPPED, sequence);
            deliver(NONE_SKIPPED, sequence);
        }
        TaskView task = queries.get(ORG, TASK);
        assertThat(task).extracting(TaskView::status, TaskView::completedItems, TaskView::failedItems,
                TaskView::cancelledItems, TaskView::pendingItems)
                .containsExactly(TaskStatus.CANCELLED, 20L, 2L, 3L, 0L);
        assertThat(items(List.of(ItemStatus.CANCELLED), null, true, 1, 25).items()).extracting(TaskItemView::linkId)
                .containsExactly("link-22", "link-23", "link-24");
        assertThat(items(List.of(ItemStatus.PENDING), null, true, 1, 25).total()).isZero();
    }

    @Test
    void aTasksChunksAreFoundByTheirIdsOrForATaskOfAnEarlierVersionByItsId() throws Exception {
        for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
            deliver(sequence);
        }
        List<Document> asked = new ArrayList<>();
        MongoTemplate recording = new MongoTemplate(store.client(), "links") {
            @Override
            public <T> List<T> find(Query query, Class<T> entityClass) {
                asked.add(query.getQueryObject());
                return super.find(query, entityClass);
            }
        };
        TaskQueries reading = new TaskQueries(recording, new VersionWaiter());
        PageRequest all = new PageRequest(1, 25, null, true);
        List<TaskItemView> items = reading.items(ORG, TASK, List.of(), all).items();

        assertThat(items).extracting(TaskItemView::linkId).containsExactlyElementsOf(LINKS);
        assertThat(asked).containsExactly(new Document("_id", new Document("$in",
                List.of("task-1:0", "task-1:1", "task-1:2"))));

        // as an earlier version stored the task: without its number of chunks
        mongo.getCollection(TaskDocument.COLLECTION).updateOne(new Document("_id", TASK),
                new Document("$unset", new Document("chunks", "")));
        asked.clear();
        assertThat(reading.items(ORG, TASK, List.of(), all).items()).isEqualTo(items);
        assertThat(asked).containsExactly(new Document("taskId", TASK));
    }

    @Test
    void itemsAreListedByPositionOrByAnotherFieldWithTheirOutcomesFilteredAndPaged() throws Exception {
        for (int sequence = 0; sequence < HISTORY.size(); sequence++) {
            deliver(sequence);
        }
        Page<TaskItemView> first = items(List.of(), null, true, 1, 10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.items()).extracting(TaskItemView::linkId).containsExactlyElementsOf(LINKS.subList(0, 10));
        assertThat(items(List.of(), null, true, 3, 10).items()).extracting(TaskItemView::linkId)
                .containsExactlyElementsOf(LINKS.subList(20, 25));
        assertThat(items(List.of(), null, true, 4, 10).items()).isEmpty();

        Page<TaskItemView> failed = items(List.of(ItemStatus.FAILED), null, true, 1, 20);
        assertThat(failed.total()).isEqualTo(2);
        assertThat(failed.items()).extracting(TaskItemView::linkId).containsExactly("link-12", "link-16");
        assertThat(failed.items()).extracting(TaskItemView::errorCode).containsOnly("not_found");

        // by status, names in alphabetical order, ties by position; descending reverses both
        assertThat(items(List.of(), "status", true, 1, 25).items()).extracting(TaskItemView::linkId)
                .startsWith("link-7", "link-8", "link-9", "link-20").endsWith("link-19", "link-12", "link-16");
        assertThat(items(List.of(ItemStatus.CANCELLED, ItemStatus.FAILED), "status", false, 1, 25).items())
                .extracting(TaskItemView::linkId).startsWith("link-16", "link-12", "link-24", "link-23");
        // by update time: chunk 1 first, then chunk 0, then the items the end of the task cancelled
        assertThat(items(List.of(), "updated_at", true, 1, 25).items()).extracting(TaskItemView::linkId)
                .startsWith("link-10", "link-11").endsWith("link-9", "link-20", "link-21", "link-22", "link-23",
                        "link-24");
    }

    @Test
    void everyEventDeliveredAgainLeavesWhatItsFirstDeliveryLeft() throws Exception {
        Redelivery.eachEventTwiceInARow(HISTORY, this::deliver, this::documents);
        Redelivery.replayedOverWhatItBuilt(HISTORY, this::deliver, this::documents);
    }

    private Page<TaskItemView> items(List<ItemStatus> statuses, String sortBy, boolean ascending, int page,
                                     int size) {
        return queries.items(ORG, TASK, statuses, new PageRequest(page, size, sortBy, ascending));
    }

    private static List<ItemOutcome> outcomes(int from, int to, IntFunction<ItemOutcome> of) {
        return IntStream.range(from, to).mapToObj(of).toList();
    }

    private static ItemOutcome completed(int position) {
        return new ItemOutcome(position, LINKS.get(position), ItemStatus.COMPLETED, null, null);
    }

    private static ItemOutcome failed(int position) {
        return new ItemOutcome(position, LINKS.get(position), ItemStatus.FAILED, "not_found",
                "link " + LINKS.get(position) + " was not found");
    }

    /** Hands event {@code sequence} of the history to the projection, timestamped a minute per event. */
    private void deliver(int sequence) throws Exception {
        deliver(HISTORY, sequence);
    }

    private void deliver(List<Object> history, int sequence) throws Exception {
        projection.handle(new GenericDomainEventMessage<>("BulkTask", TASK, sequence, history.get(sequence),
                Map.of(), "event-" + sequence, T0.plus(sequence, ChronoUnit.MINUTES)));
    }

    private Map<String, List<Document>> documents() {
        return store.documents(TaskDocument.COLLECTION, TaskChunkDocument.COLLECTION);
    }
}
