package io.brokergate.stream.upstream;

import io.brokergate.core.spi.BrokerSession;

/** CDI event: an owned account's session was dropped (revoked, or failed and replaced); nothing is subscribed on it any more. */
public record UpstreamSessionClosed(String accountId, BrokerSession session) {
}
