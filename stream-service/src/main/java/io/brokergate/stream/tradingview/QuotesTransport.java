package io.brokergate.stream.tradingview;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.stream.fanout.ClientTransport;
import io.vertx.core.Context;
import io.brokergate.stream.fanout.Frame;
import io.brokergate.stream.fanout.ServerMessages;
import io.brokergate.stream.fanout.ServerMessages.Event;
import io.brokergate.stream.fanout.ServerMessages.LastValue;
import io.brokergate.stream.fanout.ServerMessages.Subscribed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /tv/stream/quotes} as a hub client following the quotes (and, where the broker has depth,
 * the depth) of each requested symbol. The first line is the snapshot: every symbol with a known
 * bid and ask, once each subscription has answered and each symbol has its first quote (or after
 * the snapshot wait, with what is known); then a line with
 * the symbols whose quote changed. Each entity is TradingView's {@code {"s":"ok","n":…,"v":{ask,
 * bid, halted}}}: best bid/ask from the top of the book, else the quote's own. A symbol the broker
 * refused is an error line {@code {"s":"error","errmsg":"<symbol>: …"}}; the stream goes on.
 * Reads the typed frames (never the hub's JSON); the outbox and the route's timer meet on this
 * object's lock.
 */
final class QuotesTransport implements ClientTransport {

    private final TradingViewLines lines;
    private final Map<InstrumentId, Integer> unanswered = new LinkedHashMap<>();
    private final Map<String, InstrumentId> bySymbol = new HashMap<>();
    private final Map<InstrumentId, Quote> quotes = new HashMap<>();
    private final Map<InstrumentId, Depth> books = new HashMap<>();
    private final Map<InstrumentId, String> sent = new HashMap<>();
    private final Set<InstrumentId> refused = new HashSet<>();
    private final List<InstrumentId> order;
    private boolean live;

    /** @param kindsPerSymbol subscriptions per symbol whose answer the snapshot waits for (quotes, depth) */
    QuotesTransport(TradingViewLines lines, List<InstrumentId> symbols, int kindsPerSymbol) {
        this.lines = lines;
        this.order = List.copyOf(symbols);
        for (InstrumentId id : symbols) {
            unanswered.put(id, kindsPerSymbol);
            bySymbol.put(id.symbol(), id);
        }
    }

    /** Writes under the lock (writes never block), so the snapshot cannot be overtaken by an update. */
    @Override
    public synchronized void send(Frame frame, Sent done) {
        String out = lines(frame.message());
        if (out == null) {
            done.sent(null);
        } else {
            lines.write(out, done);
        }
    }

    /** The route's timer: a subscription that has not answered within the wait no longer holds the snapshot back. */
    synchronized void snapshotDue() {
        String out = live ? null : goLive();
        if (out != null) {
            lines.write(out, failure -> { });
        }
    }

    /** The lines a hub message causes, or null. */
    private String lines(Object message) {
        if (message instanceof Subscribed s && s.symbol() != null) {
            LastValue last = (LastValue) s.snapshot();
            InstrumentId id = bySymbol.get(s.symbol());
            if (last != null) {
                keep(id, last.payload());
            }
            return answered(id);
        }
        if (message instanceof Event e && e.symbol() != null) {
            InstrumentId id = bySymbol.get(e.symbol());
            keep(id, e.payload());
            return live ? changed(List.of(id)) : snapshotIfComplete();
        }
        if (message instanceof ServerMessages.Error error) {
            InstrumentId id = error.ref() == null ? null : bySymbol.get(error.ref());
            if (id != null && !refused.add(id)) {
                return answered(id); // its depth was refused too: one error line per symbol
            }
            String line = errorLine((id == null ? "" : id.symbol() + ": ") + error.message());
            String snapshot = id == null ? null : answered(id);
            return snapshot == null ? line : line + snapshot;
        }
        return null; // heartbeats, status, closing: TradingView's ping covers liveness
    }

    @Override
    public void close(String reason) {
        lines.end();
    }

    @Override
    public String protocol() {
        return "tradingview";
    }

    @Override
    public Context eventLoop() {
        return lines.eventLoop();
    }

    private void keep(InstrumentId id, Object payload) {
        if (id == null) {
            return;
        }
        if (payload instanceof Quote q) {
            quotes.put(id, q);
        } else if (payload instanceof Depth d) {
            books.put(id, d);
        }
    }

    private String answered(InstrumentId id) {
        if (id == null || live) {
            return null;
        }
        unanswered.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null);
        return snapshotIfComplete();
    }

    /**
     * The snapshot once every subscription has answered and every symbol the broker took has a bid
     * and an ask (a fresh subscription's first push comes just after its answer); the route's timer
     * sends an incomplete one after the snapshot wait.
     */
    private String snapshotIfComplete() {
        if (!unanswered.isEmpty()) {
            return null;
        }
        for (InstrumentId id : order) {
            if (!refused.contains(id) && value(id) == null) {
                return null;
            }
        }
        return goLive();
    }

    /** Sends the snapshot of what is known; from now on every change goes out at once. */
    private String goLive() {
        live = true;
        unanswered.clear();
        return changed(order);
    }

    /** One line with each of {@code ids} whose entity differs from what this client last got. */
    private String changed(List<InstrumentId> ids) {
        StringBuilder line = new StringBuilder(96 * ids.size()).append('[');
        int n = 0;
        for (InstrumentId id : ids) {
            String value = value(id);
            if (value == null || value.equals(sent.get(id))) {
                continue;
            }
            sent.put(id, value);
            if (n++ > 0) {
                line.append(',');
            }
            line.append("{\"s\":\"ok\",\"n\":\"").append(id.symbol()).append("\",\"v\":").append(value).append('}');
        }
        return n == 0 ? null : line.append("]\n").toString();
    }

    /** SingleQuote JSON, or null while the bid or ask is unknown (both are required). */
    private String value(InstrumentId id) {
        Quote q = quotes.get(id);
        Depth book = books.get(id);
        BigDecimal bid = best(book == null ? null : book.bids(), q == null ? null : q.bid());
        BigDecimal ask = best(book == null ? null : book.asks(), q == null ? null : q.ask());
        if (bid == null || ask == null) {
            return null;
        }
        boolean halted = q != null && (q.phase() == TradingPhase.HALTED || q.phase() == TradingPhase.SUSPENDED);
        return "{\"ask\":" + ask.toPlainString() + ",\"bid\":" + bid.toPlainString() + ",\"halted\":" + halted + "}";
    }

    private static BigDecimal best(List<DepthLevel> side, BigDecimal fallback) {
        return side != null && !side.isEmpty() ? side.get(0).price() : fallback;
    }

    private static String errorLine(String message) {
        StringBuilder b = new StringBuilder(message.length() + 32).append("{\"s\":\"error\",\"errmsg\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append("\"}\n").toString();
    }
}
