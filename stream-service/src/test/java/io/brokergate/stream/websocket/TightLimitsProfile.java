package io.brokergate.stream.websocket;

import io.brokergate.stream.fanout.FanoutTestProfile;
import java.util.Map;

/** Small limits so slowness, auth timeouts and heartbeats show within a test's time. */
public final class TightLimitsProfile extends FanoutTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "brokergate.stream.clients.lossless-backlog", "50",
                "brokergate.stream.clients.send-window", "4",
                "brokergate.stream.clients.auth-timeout", "1s",
                "brokergate.stream.clients.heartbeat", "300ms");
    }
}
