package io.links.app.tenancy;

import io.links.app.LinksProperties;
import io.links.command.tenancy.Secrets;
import io.links.command.tenancy.TenancyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The platform operator's key: {@code links.operator-key} when set; otherwise one generated on the first start of
 * an empty store, printed that once, and kept only as its hash.
 */
@Component
public class OperatorKey {

    private static final Logger log = LoggerFactory.getLogger(OperatorKey.class);
    private static final String SETTING = "operator_key_hash";

    private final String hash;

    public OperatorKey(LinksProperties properties, TenancyStore tenancy) {
        String configured = properties.operatorKey();
        if (configured != null && !configured.isBlank()) {
            hash = Secrets.hash(configured.strip());
            log.info("Operator key: taken from configuration (links.operator-key)");
            return;
        }
        String generated = Secrets.generate();
        if (tenancy.putSettingIfAbsent(SETTING, Secrets.hash(generated))) {
            log.warn("Operator key generated for this store; it is shown only this once: {}", generated);
        } else {
            log.info("Operator key: the one generated on this store's first start (set links.operator-key to "
                    + "use your own)");
        }
        hash = tenancy.setting(SETTING).orElseThrow();
    }

    public boolean matches(String secret) {
        return Secrets.sameHash(hash, Secrets.hash(secret));
    }
}
