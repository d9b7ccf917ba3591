package io.brokergate.quote.quotes;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.Coalescer;
import io.brokergate.quote.cache.ExpiringCache;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.FeedScope;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.symbols.Symbols;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The latest prints of an instrument, newest last: cached for {@code cache.trades-ttl}, coalesced per count. */
@ApplicationScoped
public class RecentTrades {

    private record Key(FeedScope scope, InstrumentId instrument, int count) {
    }

    private final FeedRouter router;
    private final QuoteBook book;
    private final BrokerCalls calls;
    private final ExpiringCache<Key, List<TradeTick>> cache;
    private final Coalescer<Key, List<TradeTick>> inFlight = new Coalescer<>();

    public RecentTrades(FeedRouter router, QuoteBook book, BrokerCalls calls, QuoteConfig config) {
        this.router = router;
        this.book = book;
        this.calls = calls;
        this.cache = new ExpiringCache<>(config.cache().tradesTtl(), config.cache().maxEntries());
    }

    public CompletionStage<List<TradeTick>> trades(Feed feed, InstrumentId id, int count) {
        ScopedInstrument scoped = new ScopedInstrument(feed.scope(), id);
        if (book.isUnknown(scoped)) {
            return CompletableFuture.failedFuture(Symbols.unknown(List.of(id)));
        }
        Key key = new Key(feed.scope(), id, count);
        Optional<List<TradeTick>> cached = cache.fresh(key);
        if (cached.isPresent()) {
            calls.hits(1);
            return CompletableFuture.completedFuture(cached.get());
        }
        calls.misses(1);
        return inFlight.run(key, () -> {
            MarketDataApi api = router.api(feed);
            calls.called("trades");
            return api.trades(id, count).thenApply(t -> {
                cache.put(key, List.copyOf(t));
                return t;
            });
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(book.failureOf(e, scoped)));
    }
}
