package io.brokergate.stream.upstream;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** Owns the accounts of {@link SimUpstreamAccounts}, with short linger and refresh intervals. */
public class SimUpstreamProfile implements QuarkusTestProfile {

    public static final long LINGER_MILLIS = 300;

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SimUpstreamAccounts.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("brokergate.stream.subscription-linger", LINGER_MILLIS + "ms",
                "brokergate.stream.refresh-interval", "200ms");
    }
}
