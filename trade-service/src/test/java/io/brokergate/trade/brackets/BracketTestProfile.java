package io.brokergate.trade.brackets;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The bracket tests' own application, so their paper exchange and their accounts' LongPort
 * trade-call budgets (30 per 30 s, enforced by the gateway too) are not shared with the other
 * order tests.
 */
public class BracketTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.trade.jdbc.url", "jdbc:h2:mem:trade-brackets;DB_CLOSE_DELAY=-1");
    }
}
