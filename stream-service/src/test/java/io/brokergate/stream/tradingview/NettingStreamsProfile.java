package io.brokergate.stream.tradingview;

import io.brokergate.stream.fanout.FakeUpstreamDemand;
import io.brokergate.stream.fanout.TestAccountDirectory;
import io.brokergate.stream.fanout.TestStreamEvents;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** The fan-out test seams with a broker that nets positions. */
public class NettingStreamsProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestStreamEvents.class, FakeUpstreamDemand.class, TestAccountDirectory.class, NettingCapabilityMap.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brokergate.stream.tradingview.ping-interval", "1s");
    }
}
