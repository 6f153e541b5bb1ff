package io.links.app.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Says which external stores are in use; the embedded ones announce themselves when they start.
 */
@Component
class StoreAnnouncer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoreAnnouncer.class);

    private final String datasourceUrl;
    private final String mongoUri;

    StoreAnnouncer(@Value("${spring.datasource.url:}") String datasourceUrl,
                   @Value("${spring.data.mongodb.uri:}") String mongoUri) {
        this.datasourceUrl = datasourceUrl;
        this.mongoUri = mongoUri;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!datasourceUrl.isEmpty()) {
            log.info("Event store: PostgreSQL at {}", withoutCredentials(datasourceUrl));
        }
        if (!mongoUri.isEmpty()) {
            log.info("Read-model store: MongoDB at {}", withoutCredentials(mongoUri));
        }
    }

    /** Drops a {@code user:password@} part so that secrets never reach the log. */
    static String withoutCredentials(String url) {
        return url.replaceAll("//[^/@]*@", "//");
    }
}
