package io.links.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The links service: REST API, command side and query side in one process.
 */
@SpringBootApplication(scanBasePackages = "io.links")
@ConfigurationPropertiesScan("io.links")
public class LinksApplication {

    /** Axon's update checker would report to its vendor over the network; the service makes no such calls. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(LinksApplication.class, args);
    }
}
