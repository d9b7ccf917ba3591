package io.brokergate.sim.engine;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.matching.MatchingEngine;
import io.brokergate.sim.matching.OrderBook;
import io.brokergate.sim.matching.VisibleDepth;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The published level-1 quote and depth of every instrument. At the end of each command the engine
 * thread rebuilds the snapshots of the instruments the command changed and pushes them; the latest
 * snapshots are immutable and may be read from any thread.
 */
final class QuoteBoard {

    private final Listing listing;
    private final MatchingEngine matching;
    private final SessionRules sessions;
    private final ChangedInstruments changed;
    private final SimEventListener events;
    private final int depthLevels;
    private final AtomicReferenceArray<Quote> quotes;
    private final AtomicReferenceArray<Depth> depths;

    QuoteBoard(Listing listing, MatchingEngine matching, SessionRules sessions, ChangedInstruments changed,
            SimEventListener events, int depthLevels) {
        this.listing = listing;
        this.matching = matching;
        this.sessions = sessions;
        this.changed = changed;
        this.events = events;
        this.depthLevels = depthLevels;
        this.quotes = new AtomicReferenceArray<>(listing.size());
        this.depths = new AtomicReferenceArray<>(listing.size());
    }

    /** Latest quote; null for an unknown instrument. Any thread. */
    Quote quote(InstrumentId id) {
        InstrumentMarket m = listing.find(id);
        return m == null ? null : quotes.get(m.index());
    }

    /** Latest quotes in the order asked; unknown ids are left out. Any thread. */
    List<Quote> quotes(Collection<InstrumentId> ids) {
        List<Quote> out = new ArrayList<>(ids.size());
        for (InstrumentId id : ids) {
            Quote q = quote(id);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /** Latest depth; null for an unknown instrument. Any thread. */
    Depth depth(InstrumentId id) {
        InstrumentMarket m = listing.find(id);
        return m == null ? null : depths.get(m.index());
    }

    /** Publishes and pushes a fresh quote and depth for every changed instrument. */
    void publishChanges(Instant now) {
        for (int i = 0; i < listing.size(); i++) {
            if (!changed.take(i)) {
                continue;
            }
            InstrumentMarket m = listing.at(i);
            Depth depth = buildDepth(m, now);
            Quote quote = buildQuote(m, depth, now);
            depths.set(i, depth);
            quotes.set(i, quote);
            events.onQuote(quote);
            if (m.isTradable()) {
                events.onDepth(depth);
            }
        }
    }

    private Quote buildQuote(InstrumentMarket m, Depth depth, Instant now) {
        DepthLevel bid = depth.bids().isEmpty() ? null : depth.bids().get(0);
        DepthLevel ask = depth.asks().isEmpty() ? null : depth.asks().get(0);
        TradingPhase phase = sessions.isOpen(m.market(), now) ? TradingPhase.NORMAL : TradingPhase.CLOSED;
        return new Quote(m.id(), FixedPoint.toDecimal(m.last()), priceOrNull(m.dayOpen()), priceOrNull(m.dayHigh()),
                priceOrNull(m.dayLow()), priceOrNull(m.prevClose()), bid == null ? null : bid.price(),
                bid == null ? null : bid.quantity(), ask == null ? null : ask.price(), ask == null ? null : ask.quantity(),
                m.dayVolume(), FixedPoint.toDecimal(m.dayTurnover()), phase, now);
    }

    private static BigDecimal priceOrNull(long units) {
        return units == 0 ? null : FixedPoint.toDecimal(units);
    }

    private Depth buildDepth(InstrumentMarket m, Instant now) {
        if (!m.isTradable()) {
            return new Depth(m.id(), List.of(), List.of(), now);
        }
        OrderBook book = matching.book(m.index());
        return new Depth(m.id(), VisibleDepth.of(m.ladder(), book, Side.BUY, depthLevels),
                VisibleDepth.of(m.ladder(), book, Side.SELL, depthLevels), now);
    }
}
