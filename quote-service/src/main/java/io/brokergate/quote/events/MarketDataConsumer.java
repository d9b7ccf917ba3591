package io.brokergate.quote.events;

import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.quote.candles.LiveMinuteBars;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.FeedScope;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.quotes.QuoteBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the cache from the {@value #CHANNEL} channel (the {@code market-data} topic): quotes and
 * books into {@link QuoteBook}, trades into {@link LiveMinuteBars}, each under the scope of the
 * feed account's tenant and broker, so data bought through one tenant's connection stays that
 * tenant's. The owner numbers each instrument's pushes of an account gap-free per ownership epoch
 * (the order Kafka keeps: one partition per feed + instrument): a repeated or stale event is dropped
 * (a trade counted twice would corrupt a bar), and a gap or a new owner means pushes may have been
 * lost, so that instrument's live bars start over (quotes and books heal with the next push or expire).
 */
@ApplicationScoped
public class MarketDataConsumer {

    public static final String CHANNEL = "quote-market-data";
    private static final Logger LOG = Logger.getLogger(MarketDataConsumer.class);

    private record Stream(long epoch, long sequence) {
    }

    /** One feed's instrument: the unit the owner numbers its pushes in. */
    private record FeedInstrument(String accountId, InstrumentId instrument) {
    }

    private final FeedRouter router;
    private final QuoteBook book;
    private final LiveMinuteBars live;
    private final Map<FeedInstrument, Stream> sequences = new ConcurrentHashMap<>();
    private final Counter consumed;
    private final Counter dropped;

    public MarketDataConsumer(FeedRouter router, QuoteBook book, LiveMinuteBars live, MeterRegistry registry) {
        this.router = router;
        this.book = book;
        this.live = live;
        this.consumed = Counter.builder("brokergate.quote.events").tag("result", "cached")
                .description("Market-data events that fed the quote cache").register(registry);
        this.dropped = Counter.builder("brokergate.quote.events").tag("result", "dropped")
                .description("Market-data events of accounts this service does not know").register(registry);
    }

    @Incoming(CHANNEL)
    void onMarketData(MarketDataEvent event) {
        if (event == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        Optional<FeedScope> scope = router.scopeOf(event.stamp());
        if (scope.isEmpty()) {
            dropped.increment();
            LOG.debugf("market data of unknown account %s dropped", event.stamp().accountId());
            return;
        }
        ScopedInstrument key = new ScopedInstrument(scope.get(), event.instrument());
        if (!inSequence(event, key)) {
            dropped.increment();
            return;
        }
        switch (event.kind()) {
            case QUOTE -> book.onQuote(key, event.quote());
            case DEPTH -> book.onDepth(key, event.depth());
            case TRADES -> live.onTrades(key, event.trades(), System.nanoTime());
        }
        consumed.increment();
    }

    /**
     * False for a repeated or stale event; forgets the instrument's live bars on a gap or an
     * ownership change. The channel delivers one event at a time, in order, so plain reads and
     * writes suffice.
     */
    private boolean inSequence(MarketDataEvent event, ScopedInstrument key) {
        EventStamp stamp = event.stamp();
        FeedInstrument feed = new FeedInstrument(stamp.accountId(), event.instrument());
        Stream now = new Stream(stamp.epoch(), stamp.sequence());
        Stream last = sequences.get(feed);
        if (last != null && (now.epoch() < last.epoch() || now.epoch() == last.epoch() && now.sequence() <= last.sequence())) {
            return false;
        }
        sequences.put(feed, now);
        if (last != null && (last.epoch() != now.epoch() || now.sequence() != last.sequence() + 1)) {
            LOG.warnf("market data of %s %s went from %d/%d to %d/%d: its live bars start over", stamp.accountId(),
                    event.instrument(), last.epoch(), last.sequence(), now.epoch(), now.sequence());
            live.forget(key);
        }
        return true;
    }
}
