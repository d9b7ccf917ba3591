package io.brokergate.quote.quotes;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.quote.cache.ExpiringCache;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.feeds.ScopedInstrument;
import io.brokergate.quote.symbols.SymbolBatches;
import io.brokergate.quote.symbols.Symbols;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The latest level-1 quote and order book per instrument and feed scope, fed by pushes from the
 * market-data channel and by broker answers. An entry is current for {@code cache.quote-ttl} after
 * it was last refreshed; between two sources the quote with the later market timestamp wins. Also
 * remembers symbols the broker did not know, for {@code cache.unknown-symbol-ttl}.
 */
@ApplicationScoped
public class QuoteBook {

    private final ExpiringCache<ScopedInstrument, Quote> quotes;
    private final ExpiringCache<ScopedInstrument, Depth> depths;
    private final ExpiringCache<ScopedInstrument, Boolean> unknown;

    public QuoteBook(QuoteConfig config) {
        QuoteConfig.Cache c = config.cache();
        this.quotes = new ExpiringCache<>(c.quoteTtl(), c.maxEntries());
        this.depths = new ExpiringCache<>(c.quoteTtl(), c.maxEntries());
        this.unknown = new ExpiringCache<>(c.unknownSymbolTtl(), c.maxEntries());
    }

    public void onQuote(ScopedInstrument key, Quote quote) {
        quotes.put(key, quote, (old, now) -> now.timestamp().isBefore(old.timestamp()) ? old : now);
        unknown.remove(key);
    }

    public void onDepth(ScopedInstrument key, Depth depth) {
        depths.put(key, depth, (old, now) -> now.timestamp().isBefore(old.timestamp()) ? old : now);
    }

    /** The current quote, with best bid and ask from the current book when the quote itself lacks them. */
    public Optional<Quote> quote(ScopedInstrument key) {
        return quotes.fresh(key).map(q -> withTopOfBook(q, depths.fresh(key).orElse(null)));
    }

    public Optional<Depth> depth(ScopedInstrument key) {
        return depths.fresh(key);
    }

    public void markUnknown(ScopedInstrument key) {
        unknown.put(key, Boolean.TRUE);
    }

    public boolean isUnknown(ScopedInstrument key) {
        return unknown.fresh(key).isPresent();
    }

    /**
     * The failure of a broker call about one well-formed symbol of a market the broker serves:
     * {@code invalid_request} can only mean the broker does not know the symbol, so it is remembered
     * and answered with 404; anything else is passed on.
     */
    public Throwable failureOf(Throwable e, ScopedInstrument key) {
        Throwable cause = SymbolBatches.unwrap(e);
        if (cause instanceof GatewayException g && g.code() == ErrorCode.INVALID_REQUEST) {
            markUnknown(key);
            return Symbols.unknown(List.of(key.instrument()));
        }
        return cause;
    }

    /** {@code quote} with bid and ask (and sizes) taken from {@code depth} where the quote has none. */
    public static Quote withTopOfBook(Quote q, Depth depth) {
        if (depth == null || (q.bid() != null && q.ask() != null)) {
            return q;
        }
        DepthLevel bid = depth.bids().isEmpty() ? null : depth.bids().get(0);
        DepthLevel ask = depth.asks().isEmpty() ? null : depth.asks().get(0);
        return new Quote(q.instrument(), q.last(), q.open(), q.high(), q.low(), q.prevClose(),
                q.bid() != null ? q.bid() : bid == null ? null : bid.price(),
                q.bid() != null ? q.bidSize() : bid == null ? null : bid.quantity(),
                q.ask() != null ? q.ask() : ask == null ? null : ask.price(),
                q.ask() != null ? q.askSize() : ask == null ? null : ask.quantity(),
                q.volume(), q.turnover(), q.phase(), q.timestamp());
    }
}
