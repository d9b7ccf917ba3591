package io.brokergate.sim.longport;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.longport.proto.Candlestick;
import io.brokergate.longport.proto.PushDepth;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.PushTrade;
import io.brokergate.longport.proto.SecurityDepthResponse;
import io.brokergate.longport.proto.SecurityQuote;
import io.brokergate.longport.proto.StaticInfo;
import io.brokergate.longport.proto.Trade;
import io.brokergate.longport.proto.TradeSession;
import io.brokergate.longport.proto.TradeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Core market data → LongPort quote protobufs (longport.md §3.3). Decimals travel as plain strings. */
final class QuoteMessages {

    private QuoteMessages() {
    }

    static SecurityQuote securityQuote(Quote q) {
        return SecurityQuote.newBuilder()
                .setSymbol(q.instrument().symbol())
                .setLastDone(plain(q.last()))
                .setPrevClose(plain(q.prevClose()))
                .setOpen(plain(q.open()))
                .setHigh(plain(q.high()))
                .setLow(plain(q.low()))
                .setTimestamp(seconds(q.timestamp()))
                .setVolume(q.volume())
                .setTurnover(plain(q.turnover()))
                .setTradeStatus(tradeStatus(q.phase()))
                .build();
    }

    static PushQuote pushQuote(Quote q, long sequence) {
        return PushQuote.newBuilder()
                .setSymbol(q.instrument().symbol())
                .setSequence(sequence)
                .setLastDone(plain(q.last()))
                .setOpen(plain(q.open()))
                .setHigh(plain(q.high()))
                .setLow(plain(q.low()))
                .setTimestamp(seconds(q.timestamp()))
                .setVolume(q.volume())
                .setTurnover(plain(q.turnover()))
                .setTradeStatus(tradeStatus(q.phase()))
                .setTradeSession(TradeSession.TRADE_SESSION_NORMAL)
                .build();
    }

    static PushDepth pushDepth(Depth d, long sequence) {
        PushDepth.Builder b = PushDepth.newBuilder().setSymbol(d.instrument().symbol()).setSequence(sequence);
        addLevels(d.asks(), b::addAsk);
        addLevels(d.bids(), b::addBid);
        return b.build();
    }

    static SecurityDepthResponse depthResponse(Depth d) {
        SecurityDepthResponse.Builder b = SecurityDepthResponse.newBuilder().setSymbol(d.instrument().symbol());
        addLevels(d.asks(), b::addAsk);
        addLevels(d.bids(), b::addBid);
        return b.build();
    }

    private static void addLevels(List<DepthLevel> levels, java.util.function.Consumer<io.brokergate.longport.proto.Depth> sink) {
        int position = 1;
        for (DepthLevel l : levels) {
            sink.accept(io.brokergate.longport.proto.Depth.newBuilder()
                    .setPosition(position++)
                    .setPrice(plain(l.price()))
                    .setVolume(l.quantity() == null ? 0 : l.quantity().longValue())
                    .setOrderNum(l.orderCount())
                    .build());
        }
    }

    static Trade trade(TradeTick t) {
        int direction = switch (t.aggressor() == null ? TradeTick.Aggressor.UNKNOWN : t.aggressor()) {
            case BUYER -> 2;
            case SELLER -> 1;
            case UNKNOWN -> 0;
        };
        return Trade.newBuilder()
                .setPrice(plain(t.price()))
                .setVolume(t.quantity() == null ? 0 : t.quantity().longValue())
                .setTimestamp(seconds(t.timestamp()))
                .setTradeType("")
                .setDirection(direction)
                .setTradeSession(TradeSession.TRADE_SESSION_NORMAL)
                .build();
    }

    static PushTrade pushTrade(TradeTick t, long sequence) {
        return PushTrade.newBuilder().setSymbol(t.instrument().symbol()).setSequence(sequence).addTrade(trade(t))
                .build();
    }

    static Candlestick candlestick(Bar b) {
        return Candlestick.newBuilder()
                .setOpen(plain(b.open()))
                .setHigh(plain(b.high()))
                .setLow(plain(b.low()))
                .setClose(plain(b.close()))
                .setVolume(b.volume())
                .setTurnover(plain(b.turnover()))
                .setTimestamp(seconds(b.openTime()))
                .setTradeSession(TradeSession.TRADE_SESSION_NORMAL)
                .build();
    }

    static StaticInfo staticInfo(Instrument i) {
        return StaticInfo.newBuilder()
                .setSymbol(i.id().symbol())
                .setNameCn(i.name())
                .setNameEn(i.name())
                .setNameHk(i.name())
                .setListingDate("")
                .setExchange(exchange(i))
                .setCurrency(i.currency())
                .setLotSize(i.lotSize().intValue())
                .setEps("0")
                .setEpsTtm("0")
                .setBps("0")
                .setDividendYield("0")
                .setBoard(board(i))
                .build();
    }

    private static String exchange(Instrument i) {
        return switch (i.market()) {
            case HK -> "SEHK";
            case US -> "NASD";
            case SH -> "SSE";
            case SZ -> "SZSE";
            case SG -> "SGX";
            default -> i.market().name();
        };
    }

    /** LongPort board codes; the SDK keys candlestick subscriptions on them. */
    private static String board(Instrument i) {
        boolean index = i.type() == InstrumentType.INDEX;
        return switch (i.market()) {
            case HK -> index ? "HKIndex" : "HKEquity";
            case US -> index ? "USIndex" : "USMain";
            case SH -> index ? "SHIndex" : "SHMainConnect";
            case SZ -> index ? "SZIndex" : "SZMainConnect";
            case SG -> "SGMain";
            default -> "";
        };
    }

    static TradeStatus tradeStatus(TradingPhase phase) {
        return switch (phase == null ? TradingPhase.NORMAL : phase) {
            case HALTED -> TradeStatus.TRADE_STATUS_HALTED;
            case SUSPENDED -> TradeStatus.TRADE_STATUS_SUSPEND_TRADE;
            case DELISTED -> TradeStatus.TRADE_STATUS_DELISTED;
            case PRE_LISTING -> TradeStatus.TRADE_STATUS_PREPARE_LIST;
            case NORMAL, CLOSED -> TradeStatus.TRADE_STATUS_NORMAL;
        };
    }

    static String plain(BigDecimal d) {
        return OrderWireMapping.plain(d);
    }

    static long seconds(Instant t) {
        return t == null ? 0 : t.getEpochSecond();
    }
}
