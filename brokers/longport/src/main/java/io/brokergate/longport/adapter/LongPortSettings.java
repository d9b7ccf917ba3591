package io.brokergate.longport.adapter;

import io.brokergate.core.limits.OutboundGovernor;
import io.brokergate.core.limits.OutboundLimits;
import io.brokergate.longport.session.SocketSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a connector; {@link #defaults()} suits production.
 *
 * @param restTimeout        no answer within this → BROKER_UNAVAILABLE (TIMEOUT_UNKNOWN_OUTCOME for a place)
 * @param restConnectTimeout opening a REST connection
 * @param governor           queue bound and maximum wait of rate-limited calls: a trade call that
 *                           waits longer fails with {@code rate_limited} and a retry-after
 * @param limits             the broker's limits each account's governor enforces: LongPort's own
 *                           ({@link LongPortCapabilities#LIMITS}) unless the broker is one whose
 *                           limits we set ourselves (the paper exchange)
 */
public record LongPortSettings(Duration restTimeout, Duration restConnectTimeout, SocketSettings socket,
                               OutboundGovernor.Settings governor, OutboundLimits limits) {

    public LongPortSettings {
        Objects.requireNonNull(restTimeout, "restTimeout");
        Objects.requireNonNull(restConnectTimeout, "restConnectTimeout");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(limits, "limits");
    }

    public static LongPortSettings defaults() {
        return new LongPortSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), SocketSettings.defaults(),
                new OutboundGovernor.Settings(1000, Duration.ofSeconds(10), Duration.ofMillis(5)), LongPortCapabilities.LIMITS);
    }

    public LongPortSettings withSocket(SocketSettings s) {
        return new LongPortSettings(restTimeout, restConnectTimeout, s, governor, limits);
    }

    public LongPortSettings withRestTimeout(Duration t) {
        return new LongPortSettings(t, restConnectTimeout, socket, governor, limits);
    }

    public LongPortSettings withGovernor(OutboundGovernor.Settings g) {
        return new LongPortSettings(restTimeout, restConnectTimeout, socket, g, limits);
    }

    public LongPortSettings withLimits(OutboundLimits l) {
        return new LongPortSettings(restTimeout, restConnectTimeout, socket, governor, l);
    }
}
