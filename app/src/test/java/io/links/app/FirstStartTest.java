package io.links.app;

import io.links.app.support.Api;
import io.links.app.support.ServiceProcess;
import io.links.app.support.TestStores;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no operator key configured, the first start of an empty store generates one and prints it once; the demo
 * organisation is created once, with its admin key printed once.
 */
class FirstStartTest {

    private static final Pattern OPERATOR_KEY = Pattern.compile("Operator key generated.*?: (lk_\\S+)");
    private static final Pattern DEMO_KEY = Pattern.compile("Demo organisation created.*?: (lk_\\S+)");

    @Test
    void theFirstStartPrintsAGeneratedOperatorKeyAndADemoOrganisationOnce() {
        Path dataDir = TestStores.newDataDir();
        String operatorKey;
        String demoKey;

        try (ServiceProcess first = new ServiceProcess(dataDir).with("LINKS_OPERATOR_KEY", null)
                .with("LINKS_DEMO_DATA", "true").start()) {
            String log = first.logText();
            operatorKey = find(OPERATOR_KEY, log);
            demoKey = find(DEMO_KEY, log);
            Api api = first.api();

            assertThat(api.post("/organisations", operatorKey, Map.of("name", "Tenant")).status()).isEqualTo(201);
            assertThat(api.get("/sims", demoKey).body().get("total").asInt()).isEqualTo(10);
            assertThat(api.get("/plans", demoKey).body().get("total").asInt()).isEqualTo(3);
            assertThat(api.get("/coverages", demoKey).body().get("total").asInt()).isEqualTo(2);
        }

        try (ServiceProcess second = new ServiceProcess(dataDir).with("LINKS_OPERATOR_KEY", null)
                .with("LINKS_DEMO_DATA", "true").start()) {
            String log = second.logText();
            assertThat(OPERATOR_KEY.matcher(log).results().count()).as("the key is printed once only").isEqualTo(1);
            assertThat(DEMO_KEY.matcher(log).results().count()).isEqualTo(1);
            Api api = second.api();

            assertThat(api.post("/organisations", operatorKey, Map.of("name", "Tenant 2")).status())
                    .isEqualTo(201);
            assertThat(api.get("/sims", demoKey).body().get("total").asInt()).isEqualTo(10);
        }
    }

    private static String find(Pattern pattern, String log) {
        Matcher matcher = pattern.matcher(log);
        assertThat(matcher.find()).as("log holds %s", pattern).isTrue();
        return matcher.group(1);
    }
}
