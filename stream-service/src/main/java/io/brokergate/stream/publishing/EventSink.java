package io.brokergate.stream.publishing;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;

/** Where an account's owner puts its stamped events; must not block (called on push threads). */
public interface EventSink {

    void publish(MarketDataEvent event);

    void publish(AccountEvent event);
}
