package io.brokergate.stream.events;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * This pod's view of the consumer channels {@value #MARKET_DATA_IN} and {@value #ORDER_EVENTS_IN}
 * (in-JVM topics here, Kafka topics {@code market-data} / {@code order-events} in a cluster), as hot
 * broadcast streams. Each subscriber gets its own unbounded buffer, so a slow subscriber does not
 * stall the channel or the others; bounding and conflation per client is the fan-out's job.
 */
@ApplicationScoped
public class ChannelStreamEvents implements StreamEvents {

    public static final String MARKET_DATA_IN = "market-data-in";
    public static final String ORDER_EVENTS_IN = "order-events-in";

    private final BroadcastProcessor<MarketDataEvent> marketData = BroadcastProcessor.create();
    private final BroadcastProcessor<AccountEvent> accountEvents = BroadcastProcessor.create();

    @Incoming(MARKET_DATA_IN)
    void onMarketData(MarketDataEvent event) {
        if (event == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        marketData.onNext(event);
    }

    @Incoming(ORDER_EVENTS_IN)
    void onAccountEvent(AccountEvent event) {
        if (event == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        accountEvents.onNext(event);
    }

    @Override
    public Multi<MarketDataEvent> marketData() {
        return marketData.onOverflow().bufferUnconditionally();
    }

    @Override
    public Multi<AccountEvent> accountEvents() {
        return accountEvents.onOverflow().bufferUnconditionally();
    }
}
