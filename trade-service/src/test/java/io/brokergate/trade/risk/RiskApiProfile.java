package io.brokergate.trade.risk;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The risk admin API tests' application: trade-service with {@link RiskTestAccounts} as its account directory. */
public class RiskApiProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RiskTestAccounts.class);
    }
}
