package io.brokergate.quote.quotes;

import io.brokergate.api.security.Caller;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.BatchCoalescer;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.ScopedInstrument;
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
 * Level-1 quotes for many symbols at once. Per symbol: a current cache entry answers; a symbol whose
 * broker call is in flight joins it; all remaining symbols of one feed go into one broker call
 * (LongPort's adapter splits above 500 symbols, each part through the account's rate-limit
 * governor). A symbol the broker does not know fails the request with 404 naming it.
 */
@ApplicationScoped
public class QuoteService {

    private final FeedRouter router;
    private final QuoteBook book;
    private final DepthService depths;
    private final BrokerCalls calls;
    private final BatchCoalescer<ScopedInstrument, Quote> inFlight = new BatchCoalescer<>();

    public QuoteService(FeedRouter router, QuoteBook book, DepthService depths, BrokerCalls calls) {
        this.router = router;
        this.book = book;
        this.depths = depths;
        this.calls = calls;
    }

    /**
     * Quotes in the order asked.
     *
     * @param accountId the account the caller named, or null
     * @param topOfBook also fill best bid and ask, reading the order book where the quote lacks them
     */
    public CompletionStage<List<Quote>> quotes(Caller caller, String accountId, List<InstrumentId> ids, boolean topOfBook) {
        Map<String, Feed> feeds = new LinkedHashMap<>();
        Map<String, List<InstrumentId>> byFeed = new LinkedHashMap<>();
        Map<Market, Feed> byMarket = new HashMap<>();
        for (InstrumentId id : ids) {
            Feed feed = byMarket.computeIfAbsent(id.market(), m -> router.route(caller, m, accountId));
            feeds.putIfAbsent(feed.account().id(), feed);
            byFeed.computeIfAbsent(feed.account().id(), k -> new ArrayList<>()).add(id);
        }
        List<CompletableFuture<Map<InstrumentId, Quote>>> parts = new ArrayList<>();
        byFeed.forEach((account, list) -> parts.add(quotes(feeds.get(account), list, topOfBook).toCompletableFuture()));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<InstrumentId, Quote> all = new HashMap<>();
            parts.forEach(p -> all.putAll(p.join()));
            return ids.stream().map(all::get).toList();
        });
    }

    /** One feed's quotes by symbol; fails with 404 when the broker does not know some of them. */
    public CompletionStage<Map<InstrumentId, Quote>> quotes(Feed feed, List<InstrumentId> ids, boolean topOfBook) {
        Map<InstrumentId, Quote> found = new HashMap<>();
        List<ScopedInstrument> missing = new ArrayList<>();
        List<InstrumentId> unknown = new ArrayList<>();
        for (InstrumentId id : ids) {
            ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
            if (book.isUnknown(key)) {
                unknown.add(id);
                continue;
            }
            Optional<Quote> cached = book.quote(key);
            if (cached.isPresent()) {
                found.put(id, cached.get());
            } else {
                missing.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            return CompletableFuture.failedFuture(Symbols.unknown(unknown));
        }
        calls.hits(found.size());
        calls.misses(missing.size());
        CompletionStage<Map<InstrumentId, Quote>> all = missing.isEmpty() ? CompletableFuture.completedFuture(found)
                : inFlight.get(missing, keys -> fetch(feed, keys)).thenApply(fetched -> merge(found, fetched));
        return topOfBook ? all.thenCompose(q -> withTopOfBook(feed, q)) : all;
    }

    private static Map<InstrumentId, Quote> merge(Map<InstrumentId, Quote> found, Map<ScopedInstrument, Optional<Quote>> fetched) {
        Map<InstrumentId, Quote> out = new HashMap<>(found);
        List<InstrumentId> unknown = new ArrayList<>();
        fetched.forEach((k, q) -> {
            if (q.isPresent()) {
                out.put(k.instrument(), q.get());
            } else {
                unknown.add(k.instrument());
            }
        });
        if (!unknown.isEmpty()) {
            throw Symbols.unknown(unknown);
        }
        return out;
    }

    private CompletionStage<Map<ScopedInstrument, Quote>> fetch(Feed feed, List<ScopedInstrument> keys) {
        MarketDataApi api = router.api(feed);
        List<InstrumentId> ids = keys.stream().map(ScopedInstrument::instrument).toList();
        return SymbolBatches.fetch(ids, batch -> {
            calls.called("quotes");
            return api.quotes(batch);
        }, Quote::instrument).thenApply(byId -> {
            Map<ScopedInstrument, Quote> out = new HashMap<>();
            for (ScopedInstrument key : keys) {
                Quote q = byId.get(key.instrument());
                if (q == null) {
                    book.markUnknown(key);
                } else {
                    book.onQuote(key, q);
                    out.put(key, book.quote(key).orElse(q));
                }
            }
            return out;
        });
    }

    /** Bid and ask from the order book for quotes that lack them (LongPort's snapshot has none). */
    private CompletionStage<Map<InstrumentId, Quote>> withTopOfBook(Feed feed, Map<InstrumentId, Quote> quotes) {
        Map<InstrumentId, CompletableFuture<Depth>> books = new HashMap<>();
        quotes.forEach((id, q) -> {
            if (q.bid() == null || q.ask() == null) {
                books.put(id, depths.depth(feed, id).toCompletableFuture());
            }
        });
        if (books.isEmpty()) {
            return CompletableFuture.completedFuture(quotes);
        }
        return CompletableFuture.allOf(books.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<InstrumentId, Quote> out = new HashMap<>(quotes);
            books.forEach((id, d) -> out.put(id, QuoteBook.withTopOfBook(quotes.get(id), d.join())));
            return out;
        });
    }
}
