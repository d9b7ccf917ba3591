package io.brokergate.stream.tradingview.streaming;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.candles.TradingDayBar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of {@code /tv/streaming} for one feed, from its market data: quotes
 * {@code {"f":"q","id","t","ap","as","bp","bs"}} when the best bid or ask (price or size) changes,
 * trades {@code {"f":"t","id","p","s","t"}}, and daily bars {@code {"f":"d","id","o","h","l","c","v","t"}}
 * built with {@link TradingDayBar} (the rule {@code /history} uses, so stream and history agree)
 * when the day's bar changes. Times are unix seconds and never decrease per symbol and type.
 * Brokers that stream no trades get synthetic trades at the bid when the quote changes, as
 * TradingView asks. Not thread-safe: the feed serializes calls.
 */
final class StreamingLines {

    /** Per symbol: what was last sent, so only changes go out. */
    private static final class SymbolState {
        Quote quote;
        Depth book;
        String lastQuote;
        String lastBar;
        long quoteTime;
        long tradeTime;
    }

    private final boolean syntheticTrades;
    private final Map<InstrumentId, SymbolState> symbols = new HashMap<>();

    /** @param syntheticTrades the broker streams no trades: derive them from the bid */
    StreamingLines(boolean syntheticTrades) {
        this.syntheticTrades = syntheticTrades;
    }

    /** Lines caused by a quote: the daily bar if it changed, the quote if the top of book changed. */
    void quote(Quote q, StringBuilder out) {
        SymbolState s = state(q.instrument());
        s.quote = q;
        TradingDayBar.of(q).ifPresent(bar -> dailyBar(s, bar, out));
        topOfBook(s, q.instrument(), q.timestamp(), out);
    }

    void depth(Depth d, StringBuilder out) {
        SymbolState s = state(d.instrument());
        s.book = d;
        topOfBook(s, d.instrument(), d.timestamp(), out);
    }

    void trades(List<TradeTick> ticks, StringBuilder out) {
        for (TradeTick t : ticks) {
            if (t.price() != null && t.quantity() != null) {
                trade(state(t.instrument()), t.instrument(), t.price(), t.quantity(), t.timestamp(), out);
            }
        }
    }

    static String heartbeat(long unixSeconds) {
        return "{\"heartbeat\":" + unixSeconds + "}\n";
    }

    private void dailyBar(SymbolState s, Bar bar, StringBuilder out) {
        String line = "{\"f\":\"d\",\"id\":\"" + bar.instrument().symbol() + "\",\"o\":" + num(bar.open()) + ",\"h\":" + num(bar.high())
                + ",\"l\":" + num(bar.low()) + ",\"c\":" + num(bar.close()) + ",\"v\":" + bar.volume()
                + ",\"t\":" + bar.openTime().getEpochSecond() + "}\n";
        if (!line.equals(s.lastBar)) {
            s.lastBar = line;
            out.append(line);
        }
    }

    private void topOfBook(SymbolState s, InstrumentId id, Instant at, StringBuilder out) {
        DepthLevel bid = best(s.book == null ? null : s.book.bids());
        DepthLevel ask = best(s.book == null ? null : s.book.asks());
        BigDecimal bp = bid != null ? bid.price() : s.quote == null ? null : s.quote.bid();
        BigDecimal bs = bid != null ? bid.quantity() : s.quote == null ? null : s.quote.bidSize();
        BigDecimal ap = ask != null ? ask.price() : s.quote == null ? null : s.quote.ask();
        BigDecimal as = ask != null ? ask.quantity() : s.quote == null ? null : s.quote.askSize();
        if (bp == null || bs == null || ap == null || as == null) {
            return; // TradingView requires both sides
        }
        String values = ",\"ap\":" + num(ap) + ",\"as\":" + num(as) + ",\"bp\":" + num(bp) + ",\"bs\":" + num(bs) + "}\n";
        if (values.equals(s.lastQuote)) {
            return;
        }
        s.lastQuote = values;
        s.quoteTime = Math.max(s.quoteTime, at.getEpochSecond());
        out.append("{\"f\":\"q\",\"id\":\"").append(id.symbol()).append("\",\"t\":").append(s.quoteTime).append(values);
        if (syntheticTrades) {
            trade(s, id, bp, bs, at, out);
        }
    }

    private static void trade(SymbolState s, InstrumentId id, BigDecimal price, BigDecimal size, Instant at, StringBuilder out) {
        s.tradeTime = Math.max(s.tradeTime, at.getEpochSecond());
        out.append("{\"f\":\"t\",\"id\":\"").append(id.symbol()).append("\",\"p\":").append(num(price)).append(",\"s\":")
                .append(num(size)).append(",\"t\":").append(s.tradeTime).append("}\n");
    }

    private SymbolState state(InstrumentId id) {
        return symbols.computeIfAbsent(id, k -> new SymbolState());
    }

    private static DepthLevel best(List<DepthLevel> side) {
        return side == null || side.isEmpty() ? null : side.get(0);
    }

    /** A JSON number; symbols need no escaping (InstrumentId allows only [A-Z0-9.-_&]). */
    private static String num(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
