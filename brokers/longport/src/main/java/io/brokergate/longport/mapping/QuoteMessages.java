package io.brokergate.longport.mapping;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.longport.proto.Candlestick;
import io.brokergate.longport.proto.Depth;
import io.brokergate.longport.proto.SecurityQuote;
import io.brokergate.longport.proto.Trade;
import io.brokergate.longport.proto.TradeSession;
import io.brokergate.longport.proto.TradeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Quote-socket protobuf messages → core market records. Empty strings and zeros become null. */
public final class QuoteMessages {

    private QuoteMessages() {
    }

    public static Quote quote(SecurityQuote q, InstrumentId id) {
        Instant ts = Decimals.epochSeconds(q.getTimestamp());
        return new Quote(id, Decimals.parsePositive(q.getLastDone()), Decimals.parsePositive(q.getOpen()),
                Decimals.parsePositive(q.getHigh()), Decimals.parsePositive(q.getLow()),
                Decimals.parsePositive(q.getPrevClose()), null, null, null, null, q.getVolume(),
                Decimals.parse(q.getTurnover()), phase(q.getTradeStatus()), ts != null ? ts : Instant.now());
    }

    public static TradingPhase phase(TradeStatus s) {
        return switch (s) {
            case TRADE_STATUS_NORMAL -> TradingPhase.NORMAL;
            case TRADE_STATUS_HALTED, TRADE_STATUS_FUSE, TRADE_STATUS_SPLIT_STOCK_HALTS -> TradingPhase.HALTED;
            case TRADE_STATUS_DELISTED, TRADE_STATUS_CODE_MOVED, TRADE_STATUS_EXPIRED -> TradingPhase.DELISTED;
            case TRADE_STATUS_PREPARE_LIST, TRADE_STATUS_TO_BE_OPENED, TRADE_STATUS_WARRANT_PREPARE_LIST ->
                    TradingPhase.PRE_LISTING;
            case TRADE_STATUS_SUSPEND_TRADE -> TradingPhase.SUSPENDED;
            default -> TradingPhase.NORMAL;
        };
    }

    public static SessionType session(TradeSession s) {
        return switch (s) {
            case TRADE_SESSION_PRE -> SessionType.PRE_MARKET;
            case TRADE_SESSION_POST -> SessionType.POST_MARKET;
            case TRADE_SESSION_OVERNIGHT -> SessionType.OVERNIGHT;
            default -> SessionType.REGULAR;
        };
    }

    /** direction: 0 neutral, 1 down (seller hit the bid), 2 up (buyer lifted the offer). */
    public static TradeTick tick(Trade t, InstrumentId id) {
        TradeTick.Aggressor aggressor = switch (t.getDirection()) {
            case 1 -> TradeTick.Aggressor.SELLER;
            case 2 -> TradeTick.Aggressor.BUYER;
            default -> TradeTick.Aggressor.UNKNOWN;
        };
        Instant ts = Decimals.epochSeconds(t.getTimestamp());
        return new TradeTick(id, Decimals.parse(t.getPrice()), BigDecimal.valueOf(t.getVolume()),
                ts != null ? ts : Instant.now(), aggressor, session(t.getTradeSession()));
    }

    public static List<TradeTick> ticks(List<Trade> trades, InstrumentId id) {
        List<TradeTick> out = new ArrayList<>(trades.size());
        for (Trade t : trades) {
            out.add(tick(t, id));
        }
        return out;
    }

    public static Bar bar(Candlestick c, InstrumentId id, BarPeriod period) {
        return new Bar(id, period, Instant.ofEpochSecond(c.getTimestamp()), Decimals.parse(c.getOpen()),
                Decimals.parse(c.getHigh()), Decimals.parse(c.getLow()), Decimals.parse(c.getClose()), c.getVolume(),
                Decimals.parse(c.getTurnover()));
    }

    /** Oldest first, whatever order the broker used. */
    public static List<Bar> bars(List<Candlestick> candles, InstrumentId id, BarPeriod period) {
        List<Bar> out = new ArrayList<>(candles.size());
        for (Candlestick c : candles) {
            out.add(bar(c, id, period));
        }
        out.sort(Comparator.comparing(Bar::openTime));
        return out;
    }

    public static DepthLevel level(Depth d) {
        return new DepthLevel(Decimals.parse(d.getPrice()), BigDecimal.valueOf(d.getVolume()),
                (int) Math.min(Integer.MAX_VALUE, d.getOrderNum()));
    }

    /** Levels by ascending position (best first), empty levels left out. */
    public static List<DepthLevel> levels(List<Depth> depth) {
        List<Depth> sorted = new ArrayList<>(depth);
        sorted.sort(Comparator.comparingInt(Depth::getPosition));
        List<DepthLevel> out = new ArrayList<>(sorted.size());
        for (Depth d : sorted) {
            if (!isEmpty(d)) {
                out.add(level(d));
            }
        }
        return out;
    }

    /** A level without price or volume: the book has nothing at that position. */
    public static boolean isEmpty(Depth d) {
        BigDecimal p = Decimals.parse(d.getPrice());
        return p == null || p.signum() == 0 || d.getVolume() <= 0;
    }
}
