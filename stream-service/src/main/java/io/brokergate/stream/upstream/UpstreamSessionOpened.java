package io.brokergate.stream.upstream;

import io.brokergate.core.spi.BrokerSession;

/** CDI event: an owned account's push socket is connected on a new session (subscriptions must be re-applied to it). */
public record UpstreamSessionOpened(String accountId, BrokerSession session) {
}
