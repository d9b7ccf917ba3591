package io.brokergate.quote.testing;

import java.util.Map;

/** {@link SimMarketProfile} with the market on a manual clock that tests advance: an hour of trading in seconds. */
public class AcceleratedMarketProfile extends SimMarketProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
        config.put(SimMarket.MANUAL_CLOCK, "true");
        return config;
    }
}
