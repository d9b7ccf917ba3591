package io.brokergate.stream.fanout;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/**
 * The client-stream tests' application: the three seams replaced by test implementations the
 * tests drive. A profile rather than global alternatives, so tests of the real seams are unaffected.
 */
public class FanoutTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestStreamEvents.class, FakeUpstreamDemand.class, TestAccountDirectory.class);
    }
}
