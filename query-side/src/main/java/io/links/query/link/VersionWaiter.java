package io.links.query.link;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wakes requests waiting for a link's read model to reach a version, as soon as this node's projection writes it.
 * Waiters also look at the store every {@link #SLICE} themselves, so a write projected by another node is seen too,
 * a little later.
 */
@Component
public class VersionWaiter {

    static final Duration SLICE = Duration.ofMillis(25);

    private final Map<String, Waiters> waiters = new ConcurrentHashMap<>();

    /** Called by the projection after it stored a new version of the link. */
    public void projected(String linkId) {
        Waiters monitor = waiters.get(linkId);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /**
     * Answers what {@code check} finds as soon as it finds something, looking again after every projection of the
     * link on this node and at least every slice, for at most {@code timeout}. The look and the wait happen under
     * one lock, so that a projection between them is never missed.
     */
    <T> Optional<T> await(String linkId, Duration timeout, Supplier<Optional<T>> check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiters monitor = waiters.compute(linkId, (id, existing) -> (existing == null ? new Waiters() : existing)
                .join());
        try {
            synchronized (monitor) {
                while (true) {
                    Optional<T> found = check.get();
                    long left = deadline - System.nanoTime();
                    if (found.isPresent() || left <= 0) {
                        return found;
                    }
                    monitor.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), SLICE.toMillis())));
                }
            }
        } finally {
            waiters.computeIfPresent(linkId, (id, existing) -> existing.leave() ? null : existing);
        }
    }

    /** The monitor of one link, counting who waits on it so that it is dropped with the last waiter. */
    private static final class Waiters {
        private int count;

        synchronized Waiters join() {
            count++;
            return this;
        }

        synchronized boolean leave() {
            return --count == 0;
        }
    }
}
