package io.links.query.config;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wakes requests waiting for a read-model document (a link's, a task's) to reach a version, as soon as this node's
 * projection writes it.
 * Waiters also look at the store every {@link #SLICE} themselves, so a write projected by another node is seen too,
 * a little later.
 */
@Component
public class VersionWaiter {

    static final Duration SLICE = Duration.ofMillis(25);

    private final Map<String, Waiters> waiters = new ConcurrentHashMap<>();

    /** Called by a projection after it stored a new version of the document with this id. */
    public void projected(String id) {
        Waiters monitor = waiters.get(id);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /**
     * Answers what {@code check} finds as soon as it finds something, looking again after every projection of the
     * document on this node and at least every slice, for at most {@code timeout}. The look and the wait happen under
     * one lock, so that a projection between them is never missed.
     */
    public <T> Optional<T> await(String id, Duration timeout, Supplier<Optional<T>> check)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiters monitor = waiters.compute(id, (key, existing) -> (existing == null ? new Waiters() : existing)
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
            waiters.computeIfPresent(id, (key, existing) -> existing.leave() ? null : existing);
        }
    }

    /** The monitor of one document, counting who waits on it so that it is dropped with the last waiter. */
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
