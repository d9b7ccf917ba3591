package io.brokergate.quote.quotes;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.quote.cache.Coalescer;
import io.brokergate.quote.feeds.BrokerCalls;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.symbols.Symbols;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Order books: pushed or recently fetched books from the cache, else one coalesced broker call per instrument. */
@ApplicationScoped
public class DepthService {

    private final FeedRouter router;
    private final QuoteBook book;
    private final BrokerCalls calls;
    private final Coalescer<ScopedInstrument, Depth> inFlight = new Coalescer<>();

    public DepthService(FeedRouter router, QuoteBook book, BrokerCalls calls) {
        this.router = router;
        this.book = book;
        this.calls = calls;
    }

    public CompletionStage<Depth> depth(Feed feed, InstrumentId id) {
        ScopedInstrument key = new ScopedInstrument(feed.scope(), id);
        if (book.isUnknown(key)) {
            return CompletableFuture.failedFuture(Symbols.unknown(List.of(id)));
        }
        Optional<Depth> cached = book.depth(key);
        if (cached.isPresent()) {
            calls.hits(1);
            return CompletableFuture.completedFuture(cached.get());
        }
        calls.misses(1);
        return inFlight.run(key, () -> {
            MarketDataApi api = router.api(feed);
            calls.called("depth");
            return api.depth(id).thenApply(d -> {
                book.onDepth(key, d);
                return d;
            });
        }).exceptionallyCompose(e -> CompletableFuture.failedFuture(book.failureOf(e, key)));
    }
}
