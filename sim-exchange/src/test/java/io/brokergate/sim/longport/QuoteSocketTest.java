package io.brokergate.sim.longport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.AuthResponse;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.Error;
import io.brokergate.longport.proto.Heartbeat;
import io.brokergate.longport.proto.MarketTradeDayRequest;
import io.brokergate.longport.proto.MarketTradeDayResponse;
import io.brokergate.longport.proto.MarketTradePeriodResponse;
import io.brokergate.longport.proto.MultiSecurityRequest;
import io.brokergate.longport.proto.Period;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.ReconnectRequest;
import io.brokergate.longport.proto.ReconnectResponse;
import io.brokergate.longport.proto.SecurityCandlestickRequest;
import io.brokergate.longport.proto.SecurityCandlestickResponse;
import io.brokergate.longport.proto.SecurityDepthResponse;
import io.brokergate.longport.proto.SecurityHistoryCandlestickRequest;
import io.brokergate.longport.proto.SecurityQuoteResponse;
import io.brokergate.longport.proto.SecurityRequest;
import io.brokergate.longport.proto.SecurityStaticInfoResponse;
import io.brokergate.longport.proto.SecurityTradeRequest;
import io.brokergate.longport.proto.SecurityTradeResponse;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.proto.SubscriptionRequest;
import io.brokergate.longport.proto.SubscriptionResponse;
import io.brokergate.longport.proto.UnsubscribeRequest;
import io.brokergate.longport.proto.UserQuoteProfileRequest;
import io.brokergate.longport.proto.UserQuoteProfileResponse;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.longport.wire.QuoteErrorCodes;
import io.brokergate.longport.wire.ResponseStatus;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.server.Await;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.QuietExchange;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.brokergate.sim.server.TestExchange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuoteSocketTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    static TestExchange exchange;
    static SimExchangeServer server;

    @BeforeAll
    static void start() {
        exchange = TestExchange.start("Q", SimServerSettings.defaults().withPingInterval(Duration.ofMillis(200)));
        server = exchange.server();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    static String otp(PaperCredentials c) {
        LongPortRestClient.Reply r = new LongPortRestClient(c).get("/v1/socket/token");
        assertEquals(0, r.code(), r.toString());
        return r.data().get("otp").asText();
    }

    static LongPortSocketClient authed(PaperCredentials c) {
        LongPortSocketClient s = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl());
        Packet.Response r = s.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp(c))
                .putMetadata("accept-language", "en").build());
        assertEquals(0, r.status(), () -> "auth failed: " + Packets.errorOf(r));
        return s;
    }

    static <T> T parse(com.google.protobuf.Parser<T> parser, Packet.Response r) {
        assertEquals(0, r.status(), () -> "status " + r.status() + ": " + Packets.errorOf(r));
        try {
            return parser.parseFrom(r.body());
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    static void assertError(Packet.Response r, ResponseStatus status, long code) {
        assertEquals(status.code(), r.status(), () -> "expected status " + status + ", got " + r.status() + " "
                + Packets.errorOf(r));
        assertEquals(code, Packets.errorOf(r).getCode(), () -> Packets.errorOf(r).toString());
    }

    // ------------------------------------------------------------------ handshake and auth

    @Test
    void unsupportedHandshakeGetsClosePushAndDisconnect() {
        for (String query : List.of("?version=2&codec=1&platform=9", "?version=1&codec=2&platform=9", "")) {
            try (LongPortSocketClient s = LongPortSocketClient.connectRaw(exchange.vertx(), server.quoteWebSocketUrl() + query)) {
                assertTrue(s.awaitClosed(WAIT), "not disconnected for " + query);
                assertNotNull(s.closePush(), "no Close push for " + query);
                assertEquals(Close.Code.UNPACK_ERROR, s.closePush().getCode());
            }
        }
    }

    @Test
    void otpIsSingleUseAndAuthAnswersSessionExpiresLimitOnline() throws Exception {
        PaperCredentials c = exchange.newAccount();
        String otp = otp(c);
        try (LongPortSocketClient first = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl());
             LongPortSocketClient second = LongPortSocketClient.connect(exchange.vertx(), c.tradeWsUrl())) {
            AuthResponse auth = parse(AuthResponse.parser(),
                    first.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()));
            assertFalse(auth.getSessionId().isEmpty());
            assertTrue(auth.getExpires() > System.currentTimeMillis(), "expires is absolute milliseconds");
            assertEquals(10, auth.getLimit());
            assertEquals(1, auth.getOnline());

            Packet.Response reused = second.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build());
            assertEquals(ResponseStatus.UNAUTHENTICATED.code(), reused.status());
            assertTrue(second.awaitClosed(WAIT));
            assertEquals(Close.Code.AUTH_ERROR, second.closePush().getCode());
            // The OTP endpoint now reports the live socket.
            assertEquals(1, new LongPortRestClient(c).get("/v1/socket/token").data().get("online").asInt());
        }
    }

    @Test
    void requestsBeforeAuthGetStatus5AndTheSocketStaysUsable() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl())) {
            Packet.Response early = s.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("700.HK").build());
            assertEquals(ResponseStatus.UNAUTHENTICATED.code(), early.status());
            assertFalse(s.isClosed());
            assertEquals(0, s.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp(c)).build()).status());
            assertEquals(0, s.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("700.HK").build()).status());
        }
    }

    @Test
    void heartbeatIsEchoed() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = authed(c)) {
            Heartbeat hb = Heartbeat.newBuilder().setTimestamp(123_456L).setHeartbeatId(7).build();
            Packet.Response r = s.request(ControlCommand.HEARTBEAT, hb);
            assertEquals(0, r.status());
            assertEquals(hb, parse(Heartbeat.parser(), r));
        }
    }

    @Test
    void serverSendsWebSocketPings() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = authed(c)) {
            Await.until("two WS pings", WAIT, () -> s.pings() >= 2);
            assertEquals(0, s.textFrames(), "the server must send binary frames only");
        }
    }

    @Test
    void reconnectWithSessionIdResumesTheAccount() {
        PaperCredentials c = exchange.newAccount();
        String session;
        try (LongPortSocketClient s = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl())) {
            session = parse(AuthResponse.parser(), s.request(ControlCommand.AUTH,
                    AuthRequest.newBuilder().setToken(otp(c)).build())).getSessionId();
        }
        Await.until("server noticed the close", WAIT, () -> server.stats().get(c.accountNo()).liveQuoteSockets() == 0);
        try (LongPortSocketClient again = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl())) {
            ReconnectResponse r = parse(ReconnectResponse.parser(), again.request(ControlCommand.RECONNECT,
                    ReconnectRequest.newBuilder().setSessionId(session).build()));
            assertEquals(session, r.getSessionId());
            assertTrue(r.getExpires() > System.currentTimeMillis());
            assertEquals(0, again.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("5.HK").build()).status());
            assertEquals(1, server.stats().get(c.accountNo()).liveQuoteSockets());
        }
        try (LongPortSocketClient bad = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl())) {
            Packet.Response r = bad.request(ControlCommand.RECONNECT,
                    ReconnectRequest.newBuilder().setSessionId("no-such-session").build());
            assertEquals(ResponseStatus.UNAUTHENTICATED.code(), r.status());
            assertTrue(bad.awaitClosed(WAIT));
            assertEquals(Close.Code.AUTH_ERROR, bad.closePush().getCode());
        }
    }

    @Test
    void secondQuoteSocketOfAnAccountIsRefusedAndTheFirstKeepsWorking() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient first = authed(c);
             LongPortSocketClient second = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl())) {
            Packet.Response r = second.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp(c)).build());
            assertEquals(ResponseStatus.PERMISSION_DENIED.code(), r.status());
            assertEquals("connections limitation is hit", Packets.errorOf(r).getMsg());
            assertTrue(second.awaitClosed(WAIT));
            assertEquals(Close.Code.CONNECT_DUPLICATE, second.closePush().getCode());

            assertFalse(first.isClosed());
            assertEquals(0, first.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("700.HK").build()).status());
            var stats = server.stats().get(c.accountNo());
            assertEquals(1, stats.maxConcurrentQuoteSockets());
            assertEquals(1, stats.refusedDuplicateQuoteSockets());
            assertEquals(1, stats.liveQuoteSockets());
        }
    }

    @Test
    void malformedPacketClosesOnlyThatConnection() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = authed(c)) {
            s.sendRaw(new byte[] {0x07, 0x01, 0x02});
            assertTrue(s.awaitClosed(WAIT));
            assertEquals(Close.Code.UNPACK_ERROR, s.closePush().getCode());
        }
        Await.until("server noticed the close", WAIT, () -> server.stats().get(c.accountNo()).liveQuoteSockets() == 0);
        try (LongPortSocketClient fresh = authed(c)) {
            assertEquals(0, fresh.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("700.HK").build()).status());
        }
    }

    // ------------------------------------------------------------------ quote commands

    @Test
    void profileReportsLimits() {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            UserQuoteProfileResponse p = parse(UserQuoteProfileResponse.parser(), s.request(
                    QuoteCommand.QUERY_USER_QUOTE_PROFILE, UserQuoteProfileRequest.newBuilder().setLanguage("en").build()));
            assertEquals(500, p.getSubscribeLimit());
            assertTrue(p.getMemberId() > 0);
            assertFalse(p.getQuoteLevel().isEmpty());
            assertTrue(p.getRateLimitCount() > 0);
            assertTrue(p.getRateLimitList().stream().allMatch(l -> l.getLimit() == 10 && l.getBurst() == 10));
        }
    }

    @Test
    void subscribePushesQuoteAfterAnAdminPriceMoveOnlyForSubscribedSymbols() {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            SubscribeRequest sub = SubscribeRequest.newBuilder().addSymbol("700.HK").addSymbol("AAPL.US")
                    .addSubType(SubType.SUB_TYPE_QUOTE).addSubType(SubType.SUB_TYPE_DEPTH).setIsFirstPush(true).build();
            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, sub).status());
            // is_first_push: the current quote of each new symbol at once.
            s.awaitPush(p -> p.cmd() == QuoteCommand.PUSH_QUOTE && symbolOf(p).equals("AAPL.US"), WAIT);

            exchange.movePrice("700.HK", "650.5");
            Packet.Push push = s.awaitPush(p -> p.cmd() == QuoteCommand.PUSH_QUOTE && symbolOf(p).equals("700.HK")
                    && quoteOf(p).getLastDone().equals("650.5"), WAIT);
            assertTrue(quoteOf(push).getSequence() > 0);
            s.awaitPush(p -> p.cmd() == QuoteCommand.PUSH_DEPTH, WAIT);

            exchange.movePrice("9988.HK", "160");
            assertFalse(s.pushArrives(p -> p.cmd() == QuoteCommand.PUSH_QUOTE && symbolOf(p).equals("9988.HK"),
                    Duration.ofMillis(300)), "pushed a symbol that is not subscribed");

            SubscriptionResponse subs = parse(SubscriptionResponse.parser(),
                    s.request(QuoteCommand.SUBSCRIPTION, SubscriptionRequest.getDefaultInstance()));
            assertEquals(2, subs.getSubListCount());

            assertEquals(0, s.request(QuoteCommand.UNSUBSCRIBE, UnsubscribeRequest.newBuilder().setUnsubAll(true)
                    .build()).status());
            assertEquals(0, parse(SubscriptionResponse.parser(),
                    s.request(QuoteCommand.SUBSCRIPTION, SubscriptionRequest.getDefaultInstance())).getSubListCount());
        }
    }

    static String symbolOf(Packet.Push p) {
        return quoteOf(p).getSymbol();
    }

    static PushQuote quoteOf(Packet.Push p) {
        try {
            return PushQuote.parseFrom(p.body()); // symbol is field 1 in every push message
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownSymbolAndUnknownCommandGetErrors() {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            assertError(s.request(QuoteCommand.QUERY_SECURITY_QUOTE, MultiSecurityRequest.newBuilder().addSymbol("NOPE.HK")
                    .build()), ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST);
            assertError(s.request(QuoteCommand.SUBSCRIBE, SubscribeRequest.newBuilder().addSymbol("NOPE.US")
                    .addSubType(SubType.SUB_TYPE_QUOTE).build()), ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST);
            assertError(s.request(QuoteCommand.QUERY_WARRANT_FILTER_LIST, SecurityRequest.getDefaultInstance()),
                    ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST);
            assertError(s.request(99, SecurityRequest.getDefaultInstance()), ResponseStatus.BAD_REQUEST,
                    QuoteErrorCodes.INVALID_REQUEST);
        }
    }

    @Test
    void marketDataCommandsAnswer() {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            SecurityQuoteResponse quotes = parse(SecurityQuoteResponse.parser(), s.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                    MultiSecurityRequest.newBuilder().addSymbol("700.HK").addSymbol("MSFT.US").build()));
            assertEquals(2, quotes.getSecuQuoteCount());
            assertFalse(quotes.getSecuQuote(0).getLastDone().isEmpty());

            SecurityStaticInfoResponse info = parse(SecurityStaticInfoResponse.parser(), s.request(
                    QuoteCommand.QUERY_SECURITY_STATIC_INFO, MultiSecurityRequest.newBuilder().addSymbol("700.HK").build()));
            assertEquals(100, info.getSecuStaticInfo(0).getLotSize());
            assertEquals("HKD", info.getSecuStaticInfo(0).getCurrency());

            SecurityDepthResponse depth = parse(SecurityDepthResponse.parser(), s.request(QuoteCommand.QUERY_DEPTH,
                    SecurityRequest.newBuilder().setSymbol("700.HK").build()));
            assertTrue(depth.getAskCount() > 0 && depth.getBidCount() > 0);
            assertEquals(1, depth.getAsk(0).getPosition());

            exchange.movePrice("1810.HK", "43");
            SecurityTradeResponse trades = parse(SecurityTradeResponse.parser(), s.request(QuoteCommand.QUERY_TRADE,
                    SecurityTradeRequest.newBuilder().setSymbol("1810.HK").setCount(5).build()));
            assertTrue(trades.getTradesCount() > 0);

            SecurityCandlestickResponse candles = parse(SecurityCandlestickResponse.parser(), s.request(
                    QuoteCommand.QUERY_CANDLESTICK, SecurityCandlestickRequest.newBuilder().setSymbol("700.HK")
                            .setPeriod(Period.PERIOD_DAY).setCount(3).build()));
            assertEquals(3, candles.getCandlesticksCount());
            assertError(s.request(QuoteCommand.QUERY_CANDLESTICK, SecurityCandlestickRequest.newBuilder()
                            .setSymbol("700.HK").setPeriod(Period.PERIOD_DAY).setCount(1001).build()),
                    ResponseStatus.BAD_REQUEST, QuoteErrorCodes.TOO_MANY_ITEMS);

            SecurityCandlestickResponse byOffset = parse(SecurityCandlestickResponse.parser(), s.request(
                    QuoteCommand.QUERY_HISTORY_CANDLESTICK, SecurityHistoryCandlestickRequest.newBuilder()
                            .setSymbol("700.HK").setPeriod(Period.PERIOD_DAY)
                            .setQueryType(SecurityHistoryCandlestickRequest.QueryType.QUERY_TYPE_BY_OFFSET)
                            .setOffsetRequest(SecurityHistoryCandlestickRequest.OffsetQuery.newBuilder()
                                    .setDirection(SecurityHistoryCandlestickRequest.Direction.DIRECTION_BACKWARD)
                                    .setCount(2))
                            .build()));
            assertEquals(2, byOffset.getCandlesticksCount());
            DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
            SecurityCandlestickResponse byDate = parse(SecurityCandlestickResponse.parser(), s.request(
                    QuoteCommand.QUERY_HISTORY_CANDLESTICK, SecurityHistoryCandlestickRequest.newBuilder()
                            .setSymbol("700.HK").setPeriod(Period.PERIOD_SIXTY_MINUTE)
                            .setQueryType(SecurityHistoryCandlestickRequest.QueryType.QUERY_TYPE_BY_DATE)
                            .setDateRequest(SecurityHistoryCandlestickRequest.DateQuery.newBuilder()
                                    .setStartDate(LocalDate.now().minusDays(10).format(yyyymmdd))
                                    .setEndDate(LocalDate.now().format(yyyymmdd)))
                            .build()));
            assertTrue(byDate.getCandlesticksCount() > 0);

            MarketTradeDayResponse days = parse(MarketTradeDayResponse.parser(), s.request(
                    QuoteCommand.QUERY_MARKET_TRADE_DAY, MarketTradeDayRequest.newBuilder().setMarket("HK")
                            .setBegDay(LocalDate.now().minusDays(5).format(yyyymmdd))
                            .setEndDay(LocalDate.now().plusDays(30).format(yyyymmdd)).build()));
            assertTrue(days.getTradeDayCount() > 10);
            assertTrue(days.getTradeDay(0).matches("\\d{8}"));

            MarketTradePeriodResponse sessions = parse(MarketTradePeriodResponse.parser(),
                    s.request(QuoteCommand.QUERY_MARKET_TRADE_PERIOD, SubscriptionRequest.getDefaultInstance()));
            assertTrue(sessions.getMarketTradeSessionCount() >= 3);
        }
    }

    // ------------------------------------------------------------------ limits

    @Test
    void eleventhQuoteRequestWithinASecondGets301606() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = authed(c)) {
            long[] ids = new long[11];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.send(QuoteCommand.QUERY_SECURITY_QUOTE, MultiSecurityRequest.newBuilder().addSymbol("700.HK").build());
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(0, s.response(ids[i], WAIT).status(), "request " + (i + 1));
            }
            assertError(s.response(ids[10], WAIT), ResponseStatus.BAD_REQUEST, QuoteErrorCodes.RATE_LIMITED);
            assertEquals(1, server.stats().get(c.accountNo()).rateLimitedQuoteRequests(), "the refusal is counted");
        }
    }

    @Test
    void sixthQuoteRequestInFlightGets301606() {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            server.faults().latencyMillis(300);
            try {
                long[] ids = new long[6];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = s.send(QuoteCommand.QUERY_SECURITY_QUOTE, MultiSecurityRequest.newBuilder().addSymbol("5.HK").build());
                }
                assertError(s.response(ids[5], WAIT), ResponseStatus.BAD_REQUEST, QuoteErrorCodes.RATE_LIMITED);
                for (int i = 0; i < 5; i++) {
                    assertEquals(0, s.response(ids[i], WAIT).status(), "request " + (i + 1));
                }
            } finally {
                server.faults().latencyMillis(0);
            }
        }
    }

    @Test
    void symbolLimitFailsTheWholeSubscribeWith301605() {
        try (SimExchangeServer small = QuietExchange.server(SimServerSettings.defaults()
                .withLimits(LongPortLimits.defaults().withSubscribedSymbols(3)));
             LongPortSocketClient s = authedOn(small)) {
            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, subscribe("700.HK", "5.HK", "AAPL.US")).status());
            assertError(s.request(QuoteCommand.SUBSCRIBE, subscribe("AAPL.US", "MSFT.US")),
                    ResponseStatus.BAD_REQUEST, QuoteErrorCodes.TOO_MANY_SUBSCRIPTIONS);
            SubscriptionResponse subs = parse(SubscriptionResponse.parser(),
                    s.request(QuoteCommand.SUBSCRIPTION, SubscriptionRequest.getDefaultInstance()));
            assertEquals(3, subs.getSubListCount(), "the failed subscribe must subscribe nothing");
            // Re-subscribing what is already there does not count twice.
            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, subscribe("700.HK")).status());
        }
    }

    @Test
    void the501stSymbolFailsWith301605AndNothingIsSubscribed() {
        List<SimInstrument> extra = new java.util.ArrayList<>();
        for (int i = 1; i <= 501; i++) {
            extra.add(SimInstrument.stock("T" + i + ".US", "Test " + i, 1, "10", 0.2));
        }
        try (SimExchangeServer big = SimExchangeServer.start(SimServerSettings.defaults().withPort(0),
                QuietExchange.create(extra));
             LongPortSocketClient s = authedOn(big)) {
            List<String> first500 = extra.subList(0, 500).stream().map(i -> i.id().symbol()).toList();
            SubscribeRequest all501 = SubscribeRequest.newBuilder().addAllSymbol(first500).addSymbol("T501.US")
                    .addSubType(SubType.SUB_TYPE_QUOTE).build();
            assertError(s.request(QuoteCommand.SUBSCRIBE, all501), ResponseStatus.BAD_REQUEST,
                    QuoteErrorCodes.TOO_MANY_SUBSCRIPTIONS);
            assertEquals(0, subscriptionCount(s), "a refused subscribe subscribes nothing");

            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, SubscribeRequest.newBuilder().addAllSymbol(first500)
                    .addSubType(SubType.SUB_TYPE_QUOTE).build()).status());
            assertEquals(500, subscriptionCount(s));
            assertError(s.request(QuoteCommand.SUBSCRIBE, subscribe("T501.US")), ResponseStatus.BAD_REQUEST,
                    QuoteErrorCodes.TOO_MANY_SUBSCRIPTIONS);
            assertEquals(500, subscriptionCount(s));
            assertEquals(500, big.stats().values().iterator().next().subscribedSymbols());
        }
    }

    static int subscriptionCount(LongPortSocketClient s) {
        return parse(SubscriptionResponse.parser(),
                s.request(QuoteCommand.SUBSCRIPTION, SubscriptionRequest.getDefaultInstance())).getSubListCount();
    }

    static SubscribeRequest subscribe(String... symbols) {
        return SubscribeRequest.newBuilder().addAllSymbol(List.of(symbols)).addSubType(SubType.SUB_TYPE_QUOTE).build();
    }

    static LongPortSocketClient authedOn(SimExchangeServer other) {
        return authed(exchange.newAccountOn(other));
    }

    @Test
    void errorBodiesAreProtobufErrors() throws Exception {
        try (LongPortSocketClient s = authed(exchange.newAccount())) {
            Packet.Response r = s.request(QuoteCommand.QUERY_DEPTH, SecurityRequest.newBuilder().setSymbol("X.US").build());
            Error e = Error.parseFrom(r.body());
            assertEquals(QuoteErrorCodes.INVALID_REQUEST, e.getCode());
            assertTrue(e.getMsg().contains("X.US"));
        }
    }
}
