package io.brokergate.quote.instruments;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.BatchCoalescer;
import io.brokergate.quote.cache.ExpiringCache;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.quotes.QuoteBook;
import io.brokergate.quote.symbols.SymbolBatches;
import io.brokergate.quote.symbols.Symbols;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Static instrument data (name, type, currency, lot size, tick schedule) from the broker, kept for
 * {@code cache.instrument-ttl}, fetched in batches (LongPort: 500 symbols per call) with in-flight
 * calls shared; and the configured catalog offered for search and TradingView's symbol list.
 */
@ApplicationScoped
public class InstrumentCatalog {

    private final FeedRouter router;
    private final QuoteBook book;
    private final BrokerCalls calls;
    private final List<InstrumentId> universe;
    private final ExpiringCache<ScopedInstrument, Instrument> details;
    private final BatchCoalescer<ScopedInstrument, Instrument> inFlight = new BatchCoalescer<>();

    public InstrumentCatalog(FeedRouter router, QuoteBook book, BrokerCalls calls, QuoteConfig config) {
        this.router = router;
        this.book = book;
        this.calls = calls;
        this.details = new ExpiringCache<>(config.cache().instrumentTtl(), config.cache().maxEntries());
        List<InstrumentId> ids = new ArrayList<>();
        for (String s : config.catalog().symbols()) {
            ids.add(InstrumentId.parse(s)); // a bad entry fails the start with its name
        }
        this.universe = List.copyOf(ids);
    }

    /** The configured catalog, in configuration order. */
    public List<InstrumentId> universe() {
        return universe;
    }

    /** Details of the symbols the broker knows, in the order asked; unknown symbols are left out. */
    public CompletionStage<Map<InstrumentId, Instrument>> details(Feed feed, List<InstrumentId> ids) {
        Map<InstrumentId, Instrument> found = new LinkedHashMap<>();
        List<ScopedInstrument> missing = new ArrayList<>();
        for (InstrumentId id : ids) {
            ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
            Optional<Instrument> cached = details.fresh(key);
            if (cached.isPresent()) {
                found.put(id, cached.get());
            } else if (!book.isUnknown(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(found);
        }
        return inFlight.get(missing, keys -> fetch(feed, keys)).thenApply(fetched -> {
            Map<InstrumentId, Instrument> out = new LinkedHashMap<>();
            for (InstrumentId id : ids) {
                Instrument i = found.get(id);
                if (i == null) {
                    i = fetched.getOrDefault(new ScopedInstrument(feed.scope(), id), Optional.empty()).orElse(null);
                }
                if (i != null) {
                    out.put(id, i);
                }
            }
            return out;
        });
    }

    /** Details of one symbol; 404 when the broker does not know it. */
    public CompletionStage<Instrument> require(Feed feed, InstrumentId id) {
        return details(feed, List.of(id)).thenApply(m -> {
            Instrument i = m.get(id);
            if (i == null) {
                throw Symbols.unknown(List.of(id));
            }
            return i;
        });
    }

    private CompletionStage<Map<ScopedInstrument, Instrument>> fetch(Feed feed, List<ScopedInstrument> keys) {
        MarketDataApi api = router.api(feed);
        List<InstrumentId> ids = keys.stream().map(ScopedInstrument::instrument).toList();
        return SymbolBatches.fetch(ids, batch -> {
            calls.called("instruments");
            return api.instruments(batch);
        }, Instrument::id).thenApply(byId -> {
            Map<ScopedInstrument, Instrument> out = new HashMap<>();
            for (ScopedInstrument key : keys) {
                Instrument i = byId.get(key.instrument());
                if (i == null) {
                    book.markUnknown(key);
                } else {
                    details.put(key, i);
                    out.put(key, i);
                }
            }
            return out;
        });
    }
}
