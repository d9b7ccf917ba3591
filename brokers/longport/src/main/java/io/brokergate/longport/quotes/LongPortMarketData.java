package io.brokergate.longport.quotes;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.longport.mapping.Instruments;
import io.brokergate.longport.mapping.Periods;
import io.brokergate.longport.mapping.QuoteMessages;
import io.brokergate.longport.mapping.Symbols;
import io.brokergate.longport.proto.AdjustType;
import io.brokergate.longport.proto.MarketTradeDayRequest;
import io.brokergate.longport.proto.MarketTradeDayResponse;
import io.brokergate.longport.proto.MarketTradePeriodResponse;
import io.brokergate.longport.proto.MultiSecurityRequest;
import io.brokergate.longport.proto.SecurityCandlestickRequest;
import io.brokergate.longport.proto.SecurityCandlestickResponse;
import io.brokergate.longport.proto.SecurityDepthResponse;
import io.brokergate.longport.proto.SecurityHistoryCandlestickRequest;
import io.brokergate.longport.proto.SecurityQuote;
import io.brokergate.longport.proto.SecurityQuoteResponse;
import io.brokergate.longport.proto.SecurityRequest;
import io.brokergate.longport.proto.SecurityStaticInfoResponse;
import io.brokergate.longport.proto.SecurityTradeRequest;
import io.brokergate.longport.proto.SecurityTradeResponse;
import io.brokergate.longport.proto.StaticInfo;
import io.brokergate.longport.proto.SubscriptionRequest;
import io.brokergate.longport.wire.QuoteCommand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link MarketDataApi} over the account's quote socket. Every call takes a slot of the QUOTE lane
 * (10 per second, 5 in flight), so a burst is delayed, never refused by LongPort. Results complete
 * on the socket's event loop: chain non-blocking work only.
 */
public final class LongPortMarketData implements MarketDataApi {

    /** Symbols per cmd 10/11 request (longport.md §3.1). */
    static final int MAX_SYMBOLS_PER_CALL = 500;
    /** Candlesticks per cmd 19 request. */
    static final int MAX_CANDLES = 1000;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** cmd 8/9 with an empty body. */
    private static final SubscriptionRequest EMPTY = SubscriptionRequest.getDefaultInstance();

    private final QuoteStream stream;

    public LongPortMarketData(QuoteStream stream) {
        this.stream = stream;
    }

    @Override
    public CompletionStage<List<Quote>> quotes(List<InstrumentId> instruments) {
        return chunked(instruments, chunk -> stream.call(QuoteCommand.QUERY_SECURITY_QUOTE, multi(chunk),
                SecurityQuoteResponse.parser()).thenApply(r -> {
                    Map<String, InstrumentId> ids = bySymbol(chunk);
                    List<Quote> out = new ArrayList<>(r.getSecuQuoteCount());
                    for (SecurityQuote q : r.getSecuQuoteList()) {
                        InstrumentId id = ids.get(q.getSymbol());
                        if (id != null) {
                            out.add(QuoteMessages.quote(q, id));
                        }
                    }
                    return out;
                }));
    }

    @Override
    public CompletionStage<Depth> depth(InstrumentId instrument) {
        return guard(() -> depthOf(instrument));
    }

    private CompletionStage<Depth> depthOf(InstrumentId instrument) {
        SecurityRequest req = SecurityRequest.newBuilder().setSymbol(symbol(instrument)).build();
        return stream.call(QuoteCommand.QUERY_DEPTH, req, SecurityDepthResponse.parser())
                .thenApply(r -> new Depth(instrument, QuoteMessages.levels(r.getBidList()),
                        QuoteMessages.levels(r.getAskList()), Instant.now()));
    }

    @Override
    public CompletionStage<List<TradeTick>> trades(InstrumentId instrument, int count) {
        if (count < 1 || count > MAX_CANDLES) {
            return invalid("count must be 1 to " + MAX_CANDLES);
        }
        return guard(() -> tradesOf(instrument, count));
    }

    private CompletionStage<List<TradeTick>> tradesOf(InstrumentId instrument, int count) {
        SecurityTradeRequest req = SecurityTradeRequest.newBuilder().setSymbol(symbol(instrument)).setCount(count).build();
        return stream.call(QuoteCommand.QUERY_TRADE, req, SecurityTradeResponse.parser())
                .thenApply(r -> QuoteMessages.ticks(r.getTradesList(), instrument));
    }

    @Override
    public CompletionStage<List<Bar>> candles(InstrumentId instrument, BarPeriod period, int count) {
        if (count < 1 || count > MAX_CANDLES) {
            return invalid("count must be 1 to " + MAX_CANDLES);
        }
        return guard(() -> candlesOf(instrument, period, count));
    }

    private CompletionStage<List<Bar>> candlesOf(InstrumentId instrument, BarPeriod period, int count) {
        SecurityCandlestickRequest req = SecurityCandlestickRequest.newBuilder().setSymbol(symbol(instrument))
                .setPeriod(Periods.toWire(period)).setCount(count).setAdjustType(AdjustType.ADJUST_TYPE_NO_ADJUST)
                .build();
        return stream.call(QuoteCommand.QUERY_CANDLESTICK, req, SecurityCandlestickResponse.parser())
                .thenApply(r -> QuoteMessages.bars(r.getCandlesticksList(), instrument, period));
    }

    /** By date in the market's time zone (LongPort's query is by trading date), then cut to [from, to]. */
    @Override
    public CompletionStage<List<Bar>> historyCandles(InstrumentId instrument, BarPeriod period, Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return invalid("history needs from <= to");
        }
        return guard(() -> historyOf(instrument, period, from, to));
    }

    private CompletionStage<List<Bar>> historyOf(InstrumentId instrument, BarPeriod period, Instant from, Instant to) {
        var zone = instrument.market().zone();
        SecurityHistoryCandlestickRequest req = SecurityHistoryCandlestickRequest.newBuilder()
                .setSymbol(symbol(instrument)).setPeriod(Periods.toWire(period))
                .setAdjustType(AdjustType.ADJUST_TYPE_NO_ADJUST)
                .setQueryType(SecurityHistoryCandlestickRequest.QueryType.QUERY_TYPE_BY_DATE)
                .setDateRequest(SecurityHistoryCandlestickRequest.DateQuery.newBuilder()
                        .setStartDate(YYYYMMDD.format(from.atZone(zone).toLocalDate()))
                        .setEndDate(YYYYMMDD.format(to.atZone(zone).toLocalDate())))
                .build();
        return stream.call(QuoteCommand.QUERY_HISTORY_CANDLESTICK, req, SecurityCandlestickResponse.parser())
                .thenApply(r -> {
                    List<Bar> bars = QuoteMessages.bars(r.getCandlesticksList(), instrument, period);
                    bars.removeIf(b -> b.openTime().isBefore(from) || b.openTime().isAfter(to));
                    return bars;
                });
    }

    @Override
    public CompletionStage<List<Instrument>> instruments(List<InstrumentId> instruments) {
        return chunked(instruments, chunk -> stream.call(QuoteCommand.QUERY_SECURITY_STATIC_INFO, multi(chunk),
                SecurityStaticInfoResponse.parser()).thenApply(r -> {
                    Map<String, InstrumentId> ids = bySymbol(chunk);
                    List<Instrument> out = new ArrayList<>(r.getSecuStaticInfoCount());
                    for (StaticInfo s : r.getSecuStaticInfoList()) {
                        InstrumentId id = ids.get(s.getSymbol());
                        if (id != null) {
                            out.add(Instruments.fromStaticInfo(s, id));
                        }
                    }
                    return out;
                }));
    }

    @Override
    public CompletionStage<List<TradingSession>> tradingSessions() {
        return stream.call(QuoteCommand.QUERY_MARKET_TRADE_PERIOD, EMPTY, MarketTradePeriodResponse.parser())
                .thenApply(LongPortMarketData::sessions);
    }

    @Override
    public CompletionStage<TradingDays> tradingDays(Market market, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return invalid("trading days need from <= to");
        }
        MarketTradeDayRequest req;
        try {
            req = MarketTradeDayRequest.newBuilder().setMarket(Symbols.regionCode(market))
                    .setBegDay(YYYYMMDD.format(from)).setEndDay(YYYYMMDD.format(to)).build();
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return stream.call(QuoteCommand.QUERY_MARKET_TRADE_DAY, req, MarketTradeDayResponse.parser())
                .thenApply(r -> new TradingDays(market.region(), dates(r.getTradeDayList()), dates(r.getHalfTradeDayList())));
    }

    static List<TradingSession> sessions(MarketTradePeriodResponse r) {
        List<TradingSession> out = new ArrayList<>();
        for (MarketTradePeriodResponse.MarketTradePeriod m : r.getMarketTradeSessionList()) {
            Market.Region region = Symbols.region(m.getMarket());
            if (region == null) {
                continue;
            }
            for (MarketTradePeriodResponse.TradePeriod p : m.getTradeSessionList()) {
                out.add(new TradingSession(region, QuoteMessages.session(p.getTradeSession()), hhmm(p.getBegTime()),
                        hhmm(p.getEndTime())));
            }
        }
        return out;
    }

    /** HHMM as an int; 2400 (end of day) becomes 23:59:59.999… so that begin < end holds. */
    static LocalTime hhmm(int v) {
        int h = v / 100;
        int m = v % 100;
        return h >= 24 ? LocalTime.MAX : LocalTime.of(h, m);
    }

    private static List<LocalDate> dates(List<String> yyyymmdd) {
        List<LocalDate> out = new ArrayList<>(yyyymmdd.size());
        for (String d : yyyymmdd) {
            out.add(LocalDate.parse(d, YYYYMMDD));
        }
        return out;
    }

    /** Splits requests above LongPort's per-call symbol limit; each part takes its own rate-limit slot. */
    private static <T> CompletionStage<List<T>> chunked(List<InstrumentId> ids,
                                                       java.util.function.Function<List<InstrumentId>, CompletionStage<List<T>>> call) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        try {
            ids.forEach(Symbols::toWire);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<CompletableFuture<List<T>>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_SYMBOLS_PER_CALL) {
            parts.add(call.apply(ids.subList(i, Math.min(ids.size(), i + MAX_SYMBOLS_PER_CALL))).toCompletableFuture());
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<T> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    private static MultiSecurityRequest multi(List<InstrumentId> ids) {
        MultiSecurityRequest.Builder b = MultiSecurityRequest.newBuilder();
        ids.forEach(id -> b.addSymbol(id.symbol()));
        return b.build();
    }

    private static Map<String, InstrumentId> bySymbol(List<InstrumentId> ids) {
        Map<String, InstrumentId> m = new HashMap<>(ids.size() * 2);
        ids.forEach(id -> m.put(id.symbol(), id));
        return m;
    }

    private static String symbol(InstrumentId id) {
        return Symbols.toWire(id);
    }

    /** Validation that throws while a request is built becomes a failed stage. */
    private static <T> CompletionStage<T> guard(java.util.function.Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletionStage<T> invalid(String detail) {
        return CompletableFuture.failedFuture(GatewayException.invalid(detail));
    }
}
