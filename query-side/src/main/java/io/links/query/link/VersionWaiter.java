package io.links.query.link;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes requests waiting for a link's read model to reach a version, as soon as this node's projection writes it.
 * Waiters also look at the store themselves, so a write projected by another node is seen too, a little later.
 */
@Component
public class VersionWaiter {

    private final Map<String, Object> monitors = new ConcurrentHashMap<>();

    /** Called by the projection after it stored a new version of the link. */
    public void projected(String linkId) {
        Object monitor = monitors.get(linkId);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Blocks up to {@code millis}, or until the link is projected again on this node. */
    void pause(String linkId, long millis) throws InterruptedException {
        Object monitor = monitors.computeIfAbsent(linkId, id -> new Object());
        synchronized (monitor) {
            monitor.wait(millis);
        }
    }

    /** Forgets the link's monitor once nobody waits for it. */
    void done(String linkId) {
        monitors.remove(linkId);
    }
}
