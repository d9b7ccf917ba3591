package io.brokergate.sim.longport;

import com.google.protobuf.MessageLite;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingSession;
import io.brokergate.longport.proto.Command;
import io.brokergate.longport.proto.MarketTradeDayRequest;
import io.brokergate.longport.proto.MarketTradeDayResponse;
import io.brokergate.longport.proto.MarketTradePeriodResponse;
import io.brokergate.longport.proto.MultiSecurityRequest;
import io.brokergate.longport.proto.SecurityBrokersResponse;
import io.brokergate.longport.proto.SecurityCandlestickRequest;
import io.brokergate.longport.proto.SecurityCandlestickResponse;
import io.brokergate.longport.proto.SecurityHistoryCandlestickRequest;
import io.brokergate.longport.proto.SecurityIntradayRequest;
import io.brokergate.longport.proto.SecurityIntradayResponse;
import io.brokergate.longport.proto.SecurityQuoteResponse;
import io.brokergate.longport.proto.SecurityRequest;
import io.brokergate.longport.proto.SecurityStaticInfoResponse;
import io.brokergate.longport.proto.SecurityTradeRequest;
import io.brokergate.longport.proto.SecurityTradeResponse;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubTypeList;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.proto.SubscriptionResponse;
import io.brokergate.longport.proto.TradeSession;
import io.brokergate.longport.proto.UnsubscribeRequest;
import io.brokergate.longport.proto.UnsubscribeResponse;
import io.brokergate.longport.proto.UserQuoteProfileResponse;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.longport.wire.QuoteErrorCodes;
import io.brokergate.longport.wire.ResponseStatus;
import io.brokergate.sim.server.PaperAccount;
import io.brokergate.sim.server.SimRuntime;
import io.brokergate.sim.engine.SimExchange;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The quote socket's commands (longport.md §3). Every command gets an answer: unknown commands and
 * bad input get status 3 with an {@code Error} body, never silence (the SDK waits 30 s otherwise).
 * Runs on the event loop; engine calls are asynchronous.
 */
final class QuoteCommands {

    /** A reply and what to do once it is on the wire (the first push after a subscribe). */
    record Reply(Packet.Response response, Runnable afterSent) {
        static Reply of(Packet.Response response) {
            return new Reply(response, () -> {
            });
        }
    }

    static final int MAX_SYMBOLS_PER_REQUEST = 500;
    static final int MAX_CANDLESTICKS = 1000;
    static final int MAX_TRADES = 1000;
    static final int HISTORY_CANDLESTICK_LIMIT = 1000;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Market.Region[] CALENDAR_REGIONS = {Market.Region.HK, Market.Region.US, Market.Region.CN,
            Market.Region.SG};

    private final SimRuntime runtime;
    private final SimExchange exchange;
    private final QuoteSubscriptions subscriptions;
    private final FirstPush firstPush;

    /** Sends the current state of newly subscribed symbols to one connection. */
    interface FirstPush {
        void send(SocketConnection connection, Set<String> symbols, int mask);
    }

    QuoteCommands(SimRuntime runtime, QuoteSubscriptions subscriptions, FirstPush firstPush) {
        this.runtime = runtime;
        this.exchange = runtime.exchange();
        this.subscriptions = subscriptions;
        this.firstPush = firstPush;
    }

    /**
     * Every quote command counts against the account's limit except the two the SDK fires by itself:
     * the profile (4) after each auth, and trading days (9) on connect and inside its push loop, where
     * a refusal would stall the client rather than model a limit it could have respected.
     */
    static boolean isRateLimited(int cmd) {
        return cmd != QuoteCommand.QUERY_USER_QUOTE_PROFILE && cmd != QuoteCommand.QUERY_MARKET_TRADE_DAY;
    }

    /** @throws io.brokergate.longport.wire.MalformedPacketException for a body that is not the command's message */
    Future<Reply> handle(SocketConnection c, Packet.Request req) {
        return switch (req.cmd()) {
            case QuoteCommand.QUERY_USER_QUOTE_PROFILE -> now(ok(req, profile(c)));
            case QuoteCommand.SUBSCRIPTION -> now(ok(req, subscriptionsOf(c, null)));
            case QuoteCommand.SUBSCRIBE -> Future.succeededFuture(subscribe(c, req));
            case QuoteCommand.UNSUBSCRIBE -> Future.succeededFuture(unsubscribe(c, req));
            case QuoteCommand.QUERY_MARKET_TRADE_PERIOD -> now(ok(req, tradingSessions()));
            case QuoteCommand.QUERY_MARKET_TRADE_DAY -> now(tradingDays(req));
            case QuoteCommand.QUERY_SECURITY_STATIC_INFO -> now(staticInfo(req));
            case QuoteCommand.QUERY_SECURITY_QUOTE -> quotes(req);
            case QuoteCommand.QUERY_DEPTH -> depth(req);
            case QuoteCommand.QUERY_BROKERS -> now(brokers(req));
            case QuoteCommand.QUERY_TRADE -> trades(req);
            case QuoteCommand.QUERY_INTRADAY -> intraday(req);
            case QuoteCommand.QUERY_CANDLESTICK -> candlesticks(req);
            case QuoteCommand.QUERY_HISTORY_CANDLESTICK -> historyCandlesticks(req);
            default -> now(error(req, QuoteErrorCodes.INVALID_REQUEST,
                    "command " + req.cmd() + " (" + QuoteCommand.name(req.cmd()) + ") is not supported by the sim-exchange"));
        };
    }

    // ------------------------------------------------------------------ profile and subscriptions

    private UserQuoteProfileResponse profile(SocketConnection c) {
        PaperAccount account = runtime.accounts().byAccountNo(c.accountNo()).orElseThrow();
        int perSecond = runtime.settings().limits().quoteRequestsPerSecond();
        UserQuoteProfileResponse.Builder b = UserQuoteProfileResponse.newBuilder()
                .setMemberId(account.memberId())
                .setQuoteLevel("LV1")
                .setSubscribeLimit(runtime.settings().limits().subscribedSymbols())
                .setHistoryCandlestickLimit(HISTORY_CANDLESTICK_LIMIT);
        for (Command command : Command.values()) {
            int n = command == Command.UNRECOGNIZED ? -1 : command.getNumber();
            if (n >= QuoteCommand.SUBSCRIPTION && n <= QuoteCommand.QUERY_HISTORY_CANDLESTICK && isRateLimited(n)) {
                b.addRateLimit(UserQuoteProfileResponse.RateLimit.newBuilder()
                        .setCommand(command).setLimit(perSecond).setBurst(perSecond));
            }
        }
        return b.build();
    }

    private static SubscriptionResponse subscriptionsOf(SocketConnection c, Set<String> only) {
        SubscriptionResponse.Builder b = SubscriptionResponse.newBuilder();
        c.subscriptions().forEach((symbol, mask) -> {
            if (only == null || only.contains(symbol)) {
                SubTypeList.Builder l = SubTypeList.newBuilder().setSymbol(symbol);
                for (SubType t : List.of(SubType.SUB_TYPE_QUOTE, SubType.SUB_TYPE_DEPTH, SubType.SUB_TYPE_BROKERS,
                        SubType.SUB_TYPE_TRADE)) {
                    if ((mask & QuoteSubscriptions.bit(t)) != 0) {
                        l.addSubType(t);
                    }
                }
                b.addSubList(l);
            }
        });
        return b.build();
    }

    private Reply subscribe(SocketConnection c, Packet.Request req) {
        SubscribeRequest body = Packets.parseBody(SubscribeRequest.parser(), req);
        int mask = QuoteSubscriptions.bits(body.getSubTypeList());
        if (mask == 0) {
            return Reply.of(error(req, QuoteErrorCodes.INVALID_REQUEST, "sub_type is required (1 quote, 2 depth, 3 brokers, 4 trade)"));
        }
        Set<String> symbols = new LinkedHashSet<>(body.getSymbolList());
        if (symbols.isEmpty()) {
            return Reply.of(error(req, QuoteErrorCodes.INVALID_REQUEST, "symbol is required"));
        }
        String unknown = firstUnknown(symbols);
        if (unknown != null) {
            return Reply.of(error(req, QuoteErrorCodes.INVALID_REQUEST, "unknown symbol " + unknown));
        }
        int limit = runtime.settings().limits().subscribedSymbols();
        int after = QuoteSubscriptions.countAfterAdding(c, symbols);
        if (after > limit) {
            // All or nothing: a partial subscribe would leave the client unsure what it has.
            return Reply.of(error(req, QuoteErrorCodes.TOO_MANY_SUBSCRIPTIONS, "subscribing would make " + after
                    + " symbols, more than the limit of " + limit + "; nothing was subscribed"));
        }
        Set<String> gained = subscriptions.add(c, symbols, mask);
        runtime.counters().of(c.accountNo()).subscribedSymbols(c.subscriptions().size());
        Packet.Response response = ok(req, subscriptionsOf(c, symbols));
        if (!body.getIsFirstPush() || gained.isEmpty()) {
            return Reply.of(response);
        }
        return new Reply(response, () -> firstPush.send(c, gained, mask));
    }

    private Reply unsubscribe(SocketConnection c, Packet.Request req) {
        UnsubscribeRequest body = Packets.parseBody(UnsubscribeRequest.parser(), req);
        if (body.getUnsubAll() && body.getSymbolCount() == 0) {
            subscriptions.removeAll(c);
        } else {
            int mask = body.getUnsubAll() ? 0 : QuoteSubscriptions.bits(body.getSubTypeList());
            subscriptions.remove(c, body.getSymbolList(), mask);
        }
        runtime.counters().of(c.accountNo()).subscribedSymbols(c.subscriptions().size());
        return Reply.of(ok(req, UnsubscribeResponse.getDefaultInstance()));
    }

    // ------------------------------------------------------------------ calendar

    private MarketTradePeriodResponse tradingSessions() {
        MarketTradePeriodResponse.Builder b = MarketTradePeriodResponse.newBuilder();
        for (Market.Region region : CALENDAR_REGIONS) {
            List<TradingSession> sessions = exchange.sessions(region);
            if (sessions.isEmpty()) {
                continue;
            }
            MarketTradePeriodResponse.MarketTradePeriod.Builder m = MarketTradePeriodResponse.MarketTradePeriod
                    .newBuilder().setMarket(region.name());
            for (TradingSession s : sessions) {
                m.addTradeSession(MarketTradePeriodResponse.TradePeriod.newBuilder()
                        .setBegTime(hhmm(s.begin())).setEndTime(hhmm(s.end())).setTradeSession(session(s.type())));
            }
            b.addMarketTradeSession(m);
        }
        return b.build();
    }

    private Packet.Response tradingDays(Packet.Request req) {
        MarketTradeDayRequest body = Packets.parseBody(MarketTradeDayRequest.parser(), req);
        Market.Region region;
        try {
            region = Market.Region.valueOf(body.getMarket());
        } catch (IllegalArgumentException e) {
            return error(req, QuoteErrorCodes.INVALID_REQUEST, "market must be HK, US, CN or SG, not " + body.getMarket());
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(body.getBegDay(), YYYYMMDD);
            to = LocalDate.parse(body.getEndDay(), YYYYMMDD);
        } catch (DateTimeParseException e) {
            return error(req, QuoteErrorCodes.INVALID_REQUEST, "beg_day and end_day must be YYYYMMDD");
        }
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            return error(req, QuoteErrorCodes.INVALID_REQUEST, "end_day must be within a year after beg_day");
        }
        TradingDays days = exchange.tradingDays(region, from, to);
        MarketTradeDayResponse.Builder b = MarketTradeDayResponse.newBuilder();
        days.tradingDays().forEach(d -> b.addTradeDay(d.format(YYYYMMDD)));
        days.halfDays().forEach(d -> b.addHalfTradeDay(d.format(YYYYMMDD)));
        return ok(req, b.build());
    }

    // ------------------------------------------------------------------ security data

    private Packet.Response staticInfo(Packet.Request req) {
        MultiSecurityRequest body = Packets.parseBody(MultiSecurityRequest.parser(), req);
        Object checked = checkSymbols(req, body.getSymbolList());
        if (checked instanceof Packet.Response failure) {
            return failure;
        }
        SecurityStaticInfoResponse.Builder b = SecurityStaticInfoResponse.newBuilder();
        for (Instrument i : instrumentsOf(checked)) {
            b.addSecuStaticInfo(QuoteMessages.staticInfo(i));
        }
        return ok(req, b.build());
    }

    private Future<Reply> quotes(Packet.Request req) {
        MultiSecurityRequest body = Packets.parseBody(MultiSecurityRequest.parser(), req);
        Object checked = checkSymbols(req, body.getSymbolList());
        if (checked instanceof Packet.Response failure) {
            return now(failure);
        }
        List<InstrumentId> ids = instrumentsOf(checked).stream().map(Instrument::id).toList();
        SecurityQuoteResponse.Builder b = SecurityQuoteResponse.newBuilder();
        exchange.quotes(ids).forEach(q -> b.addSecuQuote(QuoteMessages.securityQuote(q)));
        return now(ok(req, b.build()));
    }

    private Future<Reply> depth(Packet.Request req) {
        SecurityRequest body = Packets.parseBody(SecurityRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return now(unknownSymbol(req, body.getSymbol()));
        }
        Depth d = exchange.depth(i.id());
        return now(d == null ? unknownSymbol(req, body.getSymbol()) : ok(req, QuoteMessages.depthResponse(d)));
    }

    /** The sim has no broker queue; an empty answer is what the SDK gets for markets without one. */
    private Packet.Response brokers(Packet.Request req) {
        SecurityRequest body = Packets.parseBody(SecurityRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return unknownSymbol(req, body.getSymbol());
        }
        return ok(req, SecurityBrokersResponse.newBuilder().setSymbol(i.id().symbol()).build());
    }

    private Future<Reply> trades(Packet.Request req) {
        SecurityTradeRequest body = Packets.parseBody(SecurityTradeRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return now(unknownSymbol(req, body.getSymbol()));
        }
        if (body.getCount() <= 0 || body.getCount() > MAX_TRADES) {
            return now(error(req, body.getCount() <= 0 ? QuoteErrorCodes.INVALID_REQUEST : QuoteErrorCodes.TOO_MANY_ITEMS,
                    "count must be 1.." + MAX_TRADES));
        }
        return engine(exchange.recentTrades(i.id(), body.getCount())).map(trades -> {
            SecurityTradeResponse.Builder b = SecurityTradeResponse.newBuilder().setSymbol(i.id().symbol());
            trades.forEach(t -> b.addTrades(QuoteMessages.trade(t)));
            return Reply.of(ok(req, b.build()));
        });
    }

    /** Today's one-minute line with the running average price (from midnight, market time). */
    private Future<Reply> intraday(Packet.Request req) {
        SecurityIntradayRequest body = Packets.parseBody(SecurityIntradayRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return now(unknownSymbol(req, body.getSymbol()));
        }
        ZoneId zone = i.market().zone();
        Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        return engine(exchange.candles(i.id(), BarPeriod.MIN_1, midnight, null))
                .map(bars -> {
                    SecurityIntradayResponse.Builder b = SecurityIntradayResponse.newBuilder().setSymbol(i.id().symbol());
                    long volume = 0;
                    BigDecimal turnover = BigDecimal.ZERO;
                    for (Bar bar : bars) {
                        volume += bar.volume();
                        turnover = bar.turnover() == null ? turnover : turnover.add(bar.turnover());
                        BigDecimal avg = volume == 0 ? bar.close() : turnover.divide(BigDecimal.valueOf(volume), 4, RoundingMode.HALF_UP);
                        b.addLines(SecurityIntradayResponse.Line.newBuilder()
                                .setPrice(QuoteMessages.plain(bar.close()))
                                .setTimestamp(bar.openTime().getEpochSecond())
                                .setVolume(bar.volume())
                                .setTurnover(QuoteMessages.plain(bar.turnover()))
                                .setAvgPrice(QuoteMessages.plain(avg)));
                    }
                    return Reply.of(ok(req, b.build()));
                });
    }

    private Future<Reply> candlesticks(Packet.Request req) {
        SecurityCandlestickRequest body = Packets.parseBody(SecurityCandlestickRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return now(unknownSymbol(req, body.getSymbol()));
        }
        CandlestickPeriods.Recipe recipe = CandlestickPeriods.recipe(body.getPeriod());
        if (recipe == null) {
            return now(error(req, QuoteErrorCodes.INVALID_REQUEST, "unsupported period " + body.getPeriodValue()));
        }
        int count = body.getCount();
        if (count <= 0 || count > MAX_CANDLESTICKS) {
            return now(error(req, count <= 0 ? QuoteErrorCodes.INVALID_REQUEST : QuoteErrorCodes.TOO_MANY_ITEMS,
                    "count must be 1.." + MAX_CANDLESTICKS));
        }
        return merged(i, recipe, exchange.candlesBefore(i.id(), recipe.base(), null, count * recipe.multiple()))
                .map(bars -> Reply.of(ok(req, candlestickResponse(i, last(bars, count)))));
    }

    private Future<Reply> historyCandlesticks(Packet.Request req) {
        SecurityHistoryCandlestickRequest body = Packets.parseBody(SecurityHistoryCandlestickRequest.parser(), req);
        Instrument i = instrument(body.getSymbol());
        if (i == null) {
            return now(unknownSymbol(req, body.getSymbol()));
        }
        CandlestickPeriods.Recipe recipe = CandlestickPeriods.recipe(body.getPeriod());
        if (recipe == null) {
            return now(error(req, QuoteErrorCodes.INVALID_REQUEST, "unsupported period " + body.getPeriodValue()));
        }
        ZoneId zone = i.market().zone();
        try {
            switch (body.getQueryType()) {
                case QUERY_TYPE_BY_OFFSET -> {
                    SecurityHistoryCandlestickRequest.OffsetQuery q = body.getOffsetRequest();
                    int count = q.getCount();
                    if (count <= 0 || count > MAX_CANDLESTICKS) {
                        return now(error(req, count <= 0 ? QuoteErrorCodes.INVALID_REQUEST : QuoteErrorCodes.TOO_MANY_ITEMS,
                                "count must be 1.." + MAX_CANDLESTICKS));
                    }
                    Instant anchor = anchor(q.getDate(), q.getMinute(), zone);
                    boolean forward = q.getDirection() == SecurityHistoryCandlestickRequest.Direction.DIRECTION_FORWARD;
                    int baseCount = count * recipe.multiple();
                    if (forward) {
                        return merged(i, recipe, exchange.candlesFrom(i.id(), recipe.base(), anchor, baseCount))
                                .map(bars -> Reply.of(ok(req, candlestickResponse(i, first(bars, count)))));
                    }
                    // Backward includes the bar that starts at the anchor.
                    return merged(i, recipe, exchange.candlesBefore(i.id(), recipe.base(), anchor.plusMillis(1), baseCount))
                            .map(bars -> Reply.of(ok(req, candlestickResponse(i, last(bars, count)))));
                }
                case QUERY_TYPE_BY_DATE -> {
                    SecurityHistoryCandlestickRequest.DateQuery q = body.getDateRequest();
                    LocalDate start = q.getStartDate().isEmpty() ? LocalDate.now(zone).minusYears(1)
                            : LocalDate.parse(q.getStartDate(), YYYYMMDD);
                    LocalDate end = q.getEndDate().isEmpty() ? LocalDate.now(zone) : LocalDate.parse(q.getEndDate(), YYYYMMDD);
                    if (end.isBefore(start)) {
                        return now(error(req, QuoteErrorCodes.INVALID_REQUEST, "end_date is before start_date"));
                    }
                    // One day is answered whole: LongPort's own trading day never has more than 1000 minute bars
                    // (960 with US pre- and post-market), but the sim trades around the clock (1440), and a
                    // client paging day by day must be able to read all of a day.
                    int cap = start.equals(end) ? Integer.MAX_VALUE : MAX_CANDLESTICKS;
                    return merged(i, recipe, exchange.candles(i.id(), recipe.base(), start.atStartOfDay(zone).toInstant(),
                            end.plusDays(1).atStartOfDay(zone).toInstant()))
                            .map(bars -> Reply.of(ok(req, candlestickResponse(i, first(bars, cap)))));
                }
                default -> {
                    return now(error(req, QuoteErrorCodes.INVALID_REQUEST, "query_type must be 1 (offset) or 2 (date)"));
                }
            }
        } catch (DateTimeParseException e) {
            return now(error(req, QuoteErrorCodes.INVALID_REQUEST, "dates are YYYYMMDD and minutes HHMM"));
        }
    }

    private Future<List<Bar>> merged(Instrument i, CandlestickPeriods.Recipe recipe, CompletionStage<List<Bar>> bars) {
        return engine(bars).map(list -> CandlestickPeriods.merge(list, recipe, i.market().zone()));
    }

    private static Instant anchor(String date, String minute, ZoneId zone) {
        if (date.isEmpty()) {
            return Instant.now();
        }
        LocalTime time = minute.isEmpty() ? LocalTime.MAX
                : LocalTime.of(Integer.parseInt(minute.substring(0, 2)), Integer.parseInt(minute.substring(2, 4)));
        return LocalDateTime.of(LocalDate.parse(date, YYYYMMDD), time).atZone(zone).toInstant();
    }

    private static SecurityCandlestickResponse candlestickResponse(Instrument i, List<Bar> bars) {
        SecurityCandlestickResponse.Builder b = SecurityCandlestickResponse.newBuilder().setSymbol(i.id().symbol());
        bars.forEach(bar -> b.addCandlesticks(QuoteMessages.candlestick(bar)));
        return b.build();
    }

    // ------------------------------------------------------------------ helpers

    /** @return the list of instruments, or the error response for the first bad symbol */
    private Object checkSymbols(Packet.Request req, List<String> symbols) {
        if (symbols.isEmpty()) {
            return error(req, QuoteErrorCodes.INVALID_REQUEST, "symbol is required");
        }
        if (symbols.size() > MAX_SYMBOLS_PER_REQUEST) {
            return error(req, QuoteErrorCodes.TOO_MANY_ITEMS, "at most " + MAX_SYMBOLS_PER_REQUEST + " symbols per request");
        }
        List<Instrument> found = new ArrayList<>(symbols.size());
        for (String s : new LinkedHashSet<>(symbols)) {
            Instrument i = instrument(s);
            if (i == null) {
                return unknownSymbol(req, s);
            }
            found.add(i);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Instrument> instrumentsOf(Object checked) {
        return (List<Instrument>) checked;
    }

    private String firstUnknown(Set<String> symbols) {
        for (String s : symbols) {
            if (instrument(s) == null) {
                return s;
            }
        }
        return null;
    }

    /** The instrument for a LongPort symbol, or null; the symbol must be spelled canonically. */
    Instrument instrument(String symbol) {
        try {
            InstrumentId id = InstrumentId.parse(symbol);
            if (!id.symbol().equals(symbol)) {
                return null; // "700.hk" would subscribe under a key that no push ever uses
            }
            return exchange.instrument(id).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> List<T> last(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(list.size() - n, list.size());
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }

    private static int hhmm(LocalTime t) {
        return t.getHour() * 100 + t.getMinute();
    }

    private static TradeSession session(SessionType type) {
        return switch (type) {
            case PRE_MARKET -> TradeSession.TRADE_SESSION_PRE;
            case POST_MARKET -> TradeSession.TRADE_SESSION_POST;
            case OVERNIGHT -> TradeSession.TRADE_SESSION_OVERNIGHT;
            case REGULAR -> TradeSession.TRADE_SESSION_NORMAL;
        };
    }

    private <T> Future<T> engine(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, runtime.context());
    }

    private static Future<Reply> now(Packet.Response response) {
        return Future.succeededFuture(Reply.of(response));
    }

    static Packet.Response ok(Packet.Request req, MessageLite body) {
        return Packets.ok(req, body);
    }

    static Packet.Response error(Packet.Request req, long code, String message) {
        return Packets.error(req, ResponseStatus.BAD_REQUEST, code, message);
    }

    private static Packet.Response unknownSymbol(Packet.Request req, String symbol) {
        return error(req, QuoteErrorCodes.INVALID_REQUEST, "unknown symbol " + (symbol.isEmpty() ? "(empty)" : symbol));
    }
}
