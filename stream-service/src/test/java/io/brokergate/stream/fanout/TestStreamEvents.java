package io.brokergate.stream.fanout;

import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.stream.events.StreamEvents;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only event source: tests push events as if they came from the channels.
 * Enabled only by {@link FanoutTestProfile}, so other test classes keep the real seams.
 */
@Alternative
@ApplicationScoped
public class TestStreamEvents implements StreamEvents {

    /** Account sequences for all test classes sharing one application, so none looks like a redelivery. */
    private static final AtomicLong SEQUENCES = new AtomicLong(1000);

    private final BroadcastProcessor<MarketDataEvent> market = BroadcastProcessor.create();
    private final BroadcastProcessor<AccountEvent> accounts = BroadcastProcessor.create();

    @Override
    public Multi<MarketDataEvent> marketData() {
        return market;
    }

    @Override
    public Multi<AccountEvent> accountEvents() {
        return accounts;
    }

    public void push(MarketDataEvent e) {
        market.onNext(e);
    }

    public void push(AccountEvent e) {
        accounts.onNext(e);
    }

    public static long nextSequence() {
        return SEQUENCES.incrementAndGet();
    }
}
