package io.brokergate.stream.upstream;

import java.time.Instant;

/** What one owned account's broker socket is doing, for health and metrics. */
public record UpstreamStatus(String accountId, String broker, String brokerAccountNo, Phase phase, String detail, Instant since) {

    /** Socket connection states plus the phases before a session exists. */
    public enum Phase { OPENING, CONNECTING, CONNECTED, RECONNECTING, RESTORED, STALLED, FAILED, CLOSED }

    public boolean isLive() {
        return phase == Phase.CONNECTED || phase == Phase.RESTORED;
    }
}
