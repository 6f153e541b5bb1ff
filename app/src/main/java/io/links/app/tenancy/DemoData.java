package io.links.app.tenancy;

import io.links.api.catalog.CoverageView;
import io.links.api.catalog.NewCoverage;
import io.links.api.catalog.NewPlan;
import io.links.api.catalog.NewSim;
import io.links.api.catalog.SimType;
import io.links.api.tenancy.OrganisationView;
import io.links.api.validation.Identifiers;
import io.links.app.LinksProperties;
import io.links.command.catalog.CatalogStore;
import io.links.command.tenancy.TenancyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Creates, once per store, a demo organisation with coverages, plans and free SIMs to try the API with. On by
 * default when both stores are embedded; {@code links.demo-data} decides otherwise.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String DEMO_ORGANISATION = "Demo organisation";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenancyStore tenancy;
    private final CatalogStore catalog;
    private final boolean enabled;

    DemoData(TenancyStore tenancy, CatalogStore catalog, LinksProperties properties,
             @Value("${spring.datasource.url:}") String datasourceUrl,
             @Value("${spring.data.mongodb.uri:}") String mongoUri) {
        this.tenancy = tenancy;
        this.catalog = catalog;
        this.enabled = properties.demoData() != null ? properties.demoData()
                : datasourceUrl.isEmpty() && mongoUri.isEmpty();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || tenancy.findOrganisationByName(DEMO_ORGANISATION).isPresent()) {
            return;
        }
        OrganisationView demo = tenancy.createOrganisation(DEMO_ORGANISATION);
        String org = demo.id();
        CoverageView europe = catalog.createCoverage(org, new NewCoverage("Europe", List.of("DEU", "FRA", "ESP",
                "ITA", "NLD", "POL", "SWE")));
        CoverageView americas = catalog.createCoverage(org, new NewCoverage("North America",
                List.of("USA", "CAN", "MEX")));
        catalog.createPlan(org, new NewPlan("Europe 1 GB / 30 days", 1_000_000_000L, 30, List.of("eu"),
                europe.id(), true));
        catalog.createPlan(org, new NewPlan("Europe 100 MB / 7 days", 100_000_000L, 7, List.of("eu"),
                europe.id(), false));
        catalog.createPlan(org, new NewPlan("Americas 500 MB / 30 days", 500_000_000L, 30, List.of("na"),
                americas.id(), false));
        for (int i = 1; i <= 10; i++) {
            boolean european = i <= 6;
            catalog.createSim(org, new NewSim(iccid(i), "4477009" + String.format("%05d", i), imei(i),
                    i % 3 == 0 ? SimType.ESIM : SimType.PHYSICAL, european ? List.of("eu", "global") : List.of("na"),
                    european ? List.of("DEU", "FRA", "ESP") : List.of("USA", "CAN"), CatalogStore.DEFAULT_PROVIDER));
        }
        log.warn("Demo organisation created with 10 SIMs, 3 plans and 2 coverages; its admin key, shown only this "
                + "once: {}", demo.apiKey());
    }

    /** A valid ICCID: the 89 44 prefix, a serial, and its Luhn check digit. */
    static String iccid(int serial) {
        return Identifiers.withCheckDigit("894400000000" + String.format("%06d", serial));
    }

    /** A valid IMEI: a type allocation code, a serial, and its Luhn check digit. */
    static String imei(int serial) {
        return Identifiers.withCheckDigit("35209900" + String.format("%06d", serial));
    }
}
