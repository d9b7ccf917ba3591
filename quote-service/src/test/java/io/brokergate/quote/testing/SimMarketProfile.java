package io.brokergate.quote.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * quote-service over {@link SimMarket}: test accounts, their sessions on the paper exchange, pushes on
 * the market-data topic, and the exchange's clock as the market clock.
 */
public class SimMarketProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestAccounts.class, SimMarket.class, SimMarketClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("mp.messaging.outgoing.test-market-data.connector", "brokergate-in-jvm");
        config.put("mp.messaging.outgoing.test-market-data.topic", "market-data");
        // Tests read the exchange's counters between requests: a 5 s cache life keeps "served from the
        // cache" independent of how busy the machine is (production: 1 s).
        config.put("brokergate.quote.cache.quote-ttl", "5s");
        config.put("brokergate.quote.cache.trades-ttl", "5s");
        return config;
    }
}
