package io.links.query.support;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways a projection sees an event again, checked against the documents it leaves: an event delivered twice
 * in a row (a batch that failed after its writes), and every event again over the built read model (a token left
 * behind its documents by a crash).
 */
public final class Redelivery {

    /** Hands event {@code sequence} of a history to the projection. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(int sequence) throws Exception;
    }

    private Redelivery() {
    }

    /**
     * Delivers each event of {@code history} twice in a row, from an empty store: the second delivery leaves every
     * document as the first left it.
     */
    public static void eachEventTwiceInARow(List<?> history, Delivery delivery,
                                            Supplier<Map<String, List<Document>>> documents) throws Exception {
        List<Map<String, List<Document>>> once = new ArrayList<>();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            delivery.deliver(sequence);
            once.add(documents.get());
            delivery.deliver(sequence);

            assertThat(documents.get()).as("after event %s: %s", sequence, history.get(sequence))
                    .isEqualTo(once.get(sequence));
        }
    }

    /**
     * Delivers every event of {@code history} again over what it built: no step changes anything, none undoing a
     * later event. Answers the documents that the history built.
     */
    public static Map<String, List<Document>> replayedOverWhatItBuilt(List<?> history, Delivery delivery,
                                                                      Supplier<Map<String, List<Document>>> documents)
            throws Exception {
        for (int sequence = 0; sequence < history.size(); sequence++) {
            delivery.deliver(sequence);
        }
        Map<String, List<Document>> built = documents.get();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            delivery.deliver(sequence);

            assertThat(documents.get()).as("after event %s again: %s", sequence, history.get(sequence))
                    .isEqualTo(built);
        }
        return built;
    }
}
