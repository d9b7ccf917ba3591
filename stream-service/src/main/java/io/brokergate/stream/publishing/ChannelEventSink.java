package io.brokergate.stream.publishing;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends owner events to the producer channels {@value #MARKET_DATA_OUT} and {@value #ORDER_EVENTS_OUT}
 * (bound to the topics {@code market-data} / {@code order-events} by configuration). The emitters
 * buffer without bound so a push thread never waits; order events must not be dropped.
 */
@ApplicationScoped
public class ChannelEventSink implements EventSink {

    public static final String MARKET_DATA_OUT = "market-data-out";
    public static final String ORDER_EVENTS_OUT = "order-events-out";

    private final Emitter<MarketDataEvent> marketData;
    private final Emitter<AccountEvent> orderEvents;

    public ChannelEventSink(@Channel(MARKET_DATA_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<MarketDataEvent> marketData,
                            @Channel(ORDER_EVENTS_OUT) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<AccountEvent> orderEvents) {
        this.marketData = marketData;
        this.orderEvents = orderEvents;
    }

    @Override
    public void publish(MarketDataEvent event) {
        // Message.of: no per-message ack future; delivery order is the channel's.
        marketData.send(Message.of(event));
    }

    @Override
    public void publish(AccountEvent event) {
        orderEvents.send(Message.of(event));
    }
}
