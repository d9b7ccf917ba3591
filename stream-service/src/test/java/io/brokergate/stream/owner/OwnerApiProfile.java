package io.brokergate.stream.owner;

import io.brokergate.stream.upstream.SimUpstreamProfile;
import java.util.HashMap;
import java.util.Map;

/** The paper-exchange accounts of {@link SimUpstreamProfile}, with the cluster's service secret set. */
public class OwnerApiProfile extends SimUpstreamProfile {

    static final String SECRET = "owner-api-test-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("brokergate.security.introspection-secret", SECRET);
        return config;
    }
}
