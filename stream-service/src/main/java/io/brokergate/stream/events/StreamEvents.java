package io.brokergate.stream.events;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.smallrye.mutiny.Multi;

/**
 * Every event of the {@code market-data} and {@code order-events} channels as this pod receives
 * them (in all-in-one straight from the in-JVM channels, in a cluster from Kafka). Hot streams:
 * each subscriber sees what arrives after it subscribed, in channel order per key.
 */
public interface StreamEvents {

    Multi<MarketDataEvent> marketData();

    Multi<AccountEvent> accountEvents();
}
