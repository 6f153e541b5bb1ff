package io.links.command.bulk;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps bulk tasks in memory between commands: a task takes a command for each of its chunks, and loading it from
 * its events each time would read its first event, which names every one of up to 10,000 links, again and again.
 * A task changed on another node in the meantime fails to append, drops out of the cache, and its command is tried
 * again on a fresh load.
 */
@Configuration(proxyBeanMethods = false)
public class BulkConfiguration {

    /** The cache of {@link BulkTask}s, by name as {@code @Aggregate(cache = ...)} refers to it. */
    public static final String TASK_CACHE = "bulkTaskCache";

    @Bean(TASK_CACHE)
    public Cache bulkTaskCache() {
        return new WeakReferenceCache();
    }
}
