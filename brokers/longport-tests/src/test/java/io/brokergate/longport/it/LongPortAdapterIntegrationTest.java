package io.brokergate.longport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brokergate.core.account.Position;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.TickSchedule;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.longport.adapter.LongPortConnector;
import io.brokergate.longport.adapter.LongPortSettings;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The LongPort adapter against the real paper exchange over real sockets: REST signing, both
 * WebSockets, pushes, rate limits, the subscription cap, reconnection with reconciliation and
 * error mapping. Every test uses its own paper account (the exchange's limits are per account)
 * and its own symbols where it moves prices.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LongPortAdapterIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FILLERS = 500;
    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final InstrumentId ALIBABA = InstrumentId.parse("9988.HK");
    private static final InstrumentId MEITUAN = InstrumentId.parse("3690.HK");
    private static final InstrumentId XIAOMI = InstrumentId.parse("1810.HK");
    private static final InstrumentId HSBC = InstrumentId.parse("5.HK");

    private static SimExchangeServer server;
    private static SimAdmin admin;
    private static LongPortConnector connector;
    private static final List<BrokerSession> SESSIONS = new ArrayList<>();
    private static int accounts;

    @BeforeAll
    static void startExchange() {
        // The default listing plus 500 fillers, so that 500 real symbols can be subscribed.
        List<SimInstrument> listing = new ArrayList<>(SimConfig.defaultInstruments());
        for (int i = 0; i < FILLERS; i++) {
            listing.add(SimInstrument.stock(filler(i).symbol(), "Filler " + i, 100, "10", 0.2));
        }
        SimConfig config = SimConfig.defaults().toBuilder().seed(42).instruments(listing).historyDays(1)
                .stepInterval(Duration.ofMillis(200)).initialAccounts(List.of()).build();
        SimExchange exchange = SimExchange.create(config, SystemClock.INSTANCE);
        exchange.start();
        server = SimExchangeServer.start(SimServerSettings.defaults().withPort(0).withSeed(42), exchange);
        admin = new SimAdmin(server.httpUrl());
        connector = LongPortConnector.standalone(BrokerId.PAPER, LongPortSettings.defaults());
    }

    @AfterAll
    static void stopExchange() throws Exception {
        for (BrokerSession s : SESSIONS) {
            s.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (connector != null) {
            connector.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    // ------------------------------------------------------------------ pushes and orders

    @Test
    void subscribedQuotesDepthAndTradesArriveMerged() {
        Recorder rec = new Recorder();
        BrokerSession s = connected(newAccount(), rec);
        Set<SubscriptionKind> all = Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH, SubscriptionKind.TRADES);
        await(s.push().subscribe(Set.of(HSBC), all));
        rec.awaitQuotes(HSBC, 3, WAIT);
        Depth depth = rec.await(() -> {
            Depth d = rec.lastDepth();
            return d != null && !d.bids().isEmpty() && !d.asks().isEmpty() ? d : null;
        }, WAIT, "a two-sided depth push");
        assertTrue(depth.bids().size() <= 10 && depth.asks().size() <= 10, depth.toString());
        assertTrue(depth.bids().get(0).price().compareTo(depth.asks().get(0).price()) < 0, "crossed book " + depth);
        for (int i = 1; i < depth.bids().size(); i++) {
            assertTrue(depth.bids().get(i).price().compareTo(depth.bids().get(i - 1).price()) < 0, "bids best first");
        }
        rec.await(() -> rec.ticks() > 0 ? Boolean.TRUE : null, WAIT, "a trade push");
        assertEquals(Map.of(HSBC, all), s.push().subscriptions());
        assertEquals(ConnectionState.CONNECTED, s.push().state());

        await(s.push().unsubscribe(Set.of(HSBC), Set.of(SubscriptionKind.DEPTH, SubscriptionKind.TRADES)));
        assertEquals(Map.of(HSBC, Set.of(SubscriptionKind.QUOTE)), s.push().subscriptions());
    }

    @Test
    void marketDataCommandsMapIntoCoreRecords() {
        String account = newAccount();
        BrokerSession s = open(account);
        Instrument tencent = await(s.marketData().instruments(List.of(TENCENT, InstrumentId.parse("HSI.HK")))).get(0);
        assertEquals(TENCENT, tencent.id());
        assertEquals(TickSchedule.HKEX, tencent.ticks());
        assertEquals("HKD", tencent.currency());
        Quote q = await(s.marketData().quotes(List.of(TENCENT, HSBC))).get(0);
        assertNotNull(q.last());
        assertNotNull(q.prevClose());
        Depth depth = await(s.marketData().depth(TENCENT));
        assertFalse(depth.bids().isEmpty());
        assertTrue(depth.bids().size() <= 10);
        List<Bar> days = await(s.marketData().candles(TENCENT, BarPeriod.DAY, 5));
        assertFalse(days.isEmpty());
        for (int i = 1; i < days.size(); i++) {
            assertTrue(days.get(i - 1).openTime().isBefore(days.get(i).openTime()), "oldest first");
        }
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(30));
        List<Bar> history = await(s.marketData().historyCandles(TENCENT, BarPeriod.DAY, from, to));
        assertTrue(history.stream().allMatch(b -> !b.openTime().isBefore(from) && !b.openTime().isAfter(to)), history.toString());
        assertFalse(await(s.marketData().tradingSessions()).isEmpty());
        LocalDate today = LocalDate.now(TENCENT.market().zone());
        TradingDays calendar = await(s.marketData().tradingDays(Market.HK, today.minusDays(10), today.plusDays(10)));
        assertFalse(calendar.tradingDays().isEmpty());
        await(s.marketData().trades(TENCENT, 5));
    }

    @Test
    void aLimitBuyWorksThenFillsWhenThePriceCrossesIt() {
        Recorder rec = new Recorder();
        String account = newAccount();
        BrokerSession s = connected(account, rec);
        Instrument tencent = await(s.marketData().instruments(List.of(TENCENT))).get(0);
        assertEquals(0, new BigDecimal("100").compareTo(tencent.lotSize()));
        BigDecimal limit = below(s, tencent, "0.95");

        OrderAck ack = await(s.trading().place(limitBuy(account, "fill-1", TENCENT, "100", limit)));
        assertEquals("fill-1", ack.clientOrderId());
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.WORKING, WAIT);

        admin.movePrice(TENCENT.symbol(), tencent.ticks().round(limit.multiply(new BigDecimal("0.98")), RoundingMode.DOWN)
                .toPlainString());
        Order filled = rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.FILLED, WAIT);
        assertEquals(0, new BigDecimal("100").compareTo(filled.filledQuantity()));
        assertEquals("fill-1", filled.clientOrderId());
        Execution fill = rec.await(() -> rec.executions(ack.orderId()).isEmpty() ? null : rec.executions(ack.orderId()).get(0),
                WAIT, "an execution of " + ack.orderId());
        assertEquals(0, new BigDecimal("100").compareTo(fill.quantity()));
        assertTrue(fill.price().compareTo(limit) <= 0, "filled at " + fill.price() + " above the limit " + limit);

        List<Position> positions = await(s.trading().positions(account));
        Position p = positions.stream().filter(x -> x.instrument().equals(TENCENT)).findFirst()
                .orElseThrow(() -> new AssertionError("no 700.HK position in " + positions));
        assertEquals(0, new BigDecimal("100").compareTo(p.quantity()));
        assertEquals(ack.orderId(), await(s.trading().findByClientOrderId(account, "fill-1")).orElseThrow().orderId());
    }

    @Test
    void cancelWithdrawsAWorkingOrder() {
        Recorder rec = new Recorder();
        String account = newAccount();
        BrokerSession s = connected(account, rec);
        Instrument meituan = await(s.marketData().instruments(List.of(MEITUAN))).get(0);
        OrderAck ack = await(s.trading().place(limitBuy(account, "cancel-1", MEITUAN, "100", below(s, meituan, "0.9"))));
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.WORKING, WAIT);
        await(s.trading().cancel(account, ack.orderId()));
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.CANCELLED, WAIT);
        assertEquals(OrderStatus.CANCELLED, await(s.trading().order(account, ack.orderId())).orElseThrow().status());
    }

    @Test
    void amendChangesQuantityAndPrice() {
        Recorder rec = new Recorder();
        String account = newAccount();
        BrokerSession s = connected(account, rec);
        Instrument meituan = await(s.marketData().instruments(List.of(MEITUAN))).get(0);
        BigDecimal price = below(s, meituan, "0.9");
        OrderAck ack = await(s.trading().place(limitBuy(account, "amend-1", MEITUAN, "100", price)));
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.WORKING, WAIT);

        BigDecimal newPrice = meituan.ticks().step(price, -1);
        await(s.trading().amend(new OrderAmendment(account, ack.orderId(), new BigDecimal("200"), newPrice, null)));
        Order amended = rec.awaitOrder(ack.orderId(), o -> o.quantity().compareTo(new BigDecimal("200")) == 0
                && o.limitPrice().compareTo(newPrice) == 0, WAIT);
        assertEquals(OrderStatus.WORKING, amended.status());
        Order looked = await(s.trading().order(account, ack.orderId())).orElseThrow();
        assertEquals(0, new BigDecimal("200").compareTo(looked.quantity()));
        assertEquals(0, newPrice.compareTo(looked.limitPrice()));

        // Price only: the adapter supplies the unchanged quantity LongPort requires.
        BigDecimal lower = meituan.ticks().step(newPrice, -1);
        await(s.trading().amend(new OrderAmendment(account, ack.orderId(), null, lower, null)));
        rec.awaitOrder(ack.orderId(), o -> o.limitPrice().compareTo(lower) == 0
                && o.quantity().compareTo(new BigDecimal("200")) == 0, WAIT);
    }

    // ------------------------------------------------------------------ connection rules and limits

    @Test
    void aSecondQuoteSocketForTheAccountIsRefusedAndTheFirstKeepsStreaming() {
        String account = newAccount();
        Recorder first = new Recorder();
        BrokerSession one = connected(account, first);
        await(one.push().subscribe(Set.of(XIAOMI), Set.of(SubscriptionKind.QUOTE)));
        first.awaitQuotes(XIAOMI, 1, WAIT);

        BrokerSession two = open(account);
        GatewayException refused = failure(two.push().connect());
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.getMessage().contains("quote socket"), refused.getMessage());
        assertTrue(refused.getMessage().contains("connections limitation"), refused.getMessage());
        assertEquals(ConnectionState.CLOSED, two.push().state());

        int seen = first.quotes(XIAOMI);
        first.awaitQuotes(XIAOMI, seen + 3, WAIT);
        assertEquals(ConnectionState.CONNECTED, one.push().state());
        assertEquals(1, server.stats().get(account).liveQuoteSockets());
    }

    @Test
    void the501stSymbolFailsLocallyAndNothingChanges() {
        String account = newAccount();
        BrokerSession s = connected(account, new Recorder());
        try {
            Set<InstrumentId> fillers = new HashSet<>();
            for (int i = 0; i < FILLERS; i++) {
                fillers.add(filler(i));
            }
            await(s.push().subscribe(fillers, Set.of(SubscriptionKind.QUOTE)));
            assertEquals(500, s.push().subscriptions().size());

            GatewayException e = failure(s.push().subscribe(Set.of(TENCENT), Set.of(SubscriptionKind.QUOTE)));
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertTrue(e.getMessage().contains("500"), e.getMessage());
            assertEquals(500, s.push().subscriptions().size());
            assertFalse(s.push().subscriptions().containsKey(TENCENT));
            assertEquals(500, server.stats().get(account).subscribedSymbols());
            assertEquals(1, server.stats().get(account).requestCount("quote 6 Subscribe"), "only the first batch was sent");
        } finally {
            await(s.closeAsync());
        }
    }

    @Test
    void elevenQuoteCallsInOneSecondAreDelayedNotRefused() {
        String account = newAccount();
        BrokerSession s = open(account);
        long start = System.nanoTime();
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            calls.add(s.marketData().quotes(List.of(HSBC)).toCompletableFuture()
                    .thenApply(q -> {
                        assertEquals(1, q.size());
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }));
        }
        List<Long> doneAt = new ArrayList<>();
        for (CompletableFuture<Long> c : calls) {
            doneAt.add(await(c)); // any RATE_LIMITED reply from the exchange would fail here
        }
        doneAt.sort(Long::compare);
        assertTrue(doneAt.get(10) >= 1000, "the 11th call completed " + doneAt.get(10) + " ms after the first started");
        assertTrue(doneAt.get(0) < 1000, "the first call took " + doneAt.get(0) + " ms");
        assertEquals(11, server.stats().get(account).requestCount("quote 11 QuerySecurityQuote"));
    }

    // ------------------------------------------------------------------ reconnect and reconciliation

    @Test
    void abruptDropReconnectsResubscribesAndReconcilesAFillExactlyOnce() {
        Recorder rec = new Recorder();
        String account = newAccount();
        BrokerSession s = connected(account, rec);
        await(s.push().subscribe(Set.of(ALIBABA), Set.of(SubscriptionKind.QUOTE)));
        rec.awaitQuotes(ALIBABA, 1, WAIT);
        Instrument alibaba = await(s.marketData().instruments(List.of(ALIBABA))).get(0);
        BigDecimal limit = below(s, alibaba, "0.95");
        OrderAck ack = await(s.trading().place(limitBuy(account, "drop-1", ALIBABA, "100", limit)));
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.WORKING, WAIT);

        // Slow socket replies keep the adapter disconnected while the order fills.
        admin.latency(400);
        long dropped = System.nanoTime();
        try {
            admin.dropSockets(account, "abrupt", "all");
            admin.movePrice(ALIBABA.symbol(), alibaba.ticks().round(limit.multiply(new BigDecimal("0.98")),
                    RoundingMode.DOWN).toPlainString());
            assertTrue(rec.orders(ack.orderId()).stream().noneMatch(o -> o.status() == OrderStatus.FILLED),
                    "the fill happened while the adapter was disconnected");
            rec.awaitState(ConnectionState.RESTORED, 1, Duration.ofSeconds(5));
        } finally {
            admin.latency(0);
        }
        rec.awaitOrder(ack.orderId(), o -> o.status() == OrderStatus.FILLED, Duration.ofSeconds(5));
        List<String> events = rec.events();
        assertTrue(events.indexOf("order " + ack.orderId() + " FILLED") < events.lastIndexOf("state RESTORED"),
                "reconciliation delivered the fill before the session reported RESTORED: " + events);
        int before = rec.quotes(ALIBABA);
        rec.awaitQuotes(ALIBABA, before + 2, Duration.ofSeconds(5));
        long restoredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);
        assertTrue(restoredMillis < 5000, "quote pushes resumed " + restoredMillis + " ms after the drop");
        assertTrue(rec.states().contains(ConnectionState.RECONNECTING), rec.states().toString());

        // Flush: a later order's pushes arrive after any duplicate of the fill would have.
        OrderAck later = await(s.trading().place(limitBuy(account, "drop-2", ALIBABA, "100",
                alibaba.ticks().round(limit.multiply(new BigDecimal("0.8")), RoundingMode.DOWN))));
        rec.awaitOrder(later.orderId(), o -> o.status() == OrderStatus.WORKING, WAIT);
        await(s.trading().cancel(account, later.orderId()));
        rec.awaitOrder(later.orderId(), o -> o.status() == OrderStatus.CANCELLED, WAIT);
        assertEquals(1, rec.orders(ack.orderId()).stream().filter(o -> o.status() == OrderStatus.FILLED).count(),
                "fill delivered once: " + rec.orders(ack.orderId()));
        assertEquals(1, rec.executions(ack.orderId()).size(), "one execution: " + rec.executions(ack.orderId()));
        assertEquals(0, new BigDecimal("100").compareTo(rec.executions(ack.orderId()).get(0).quantity()));
    }

    // ------------------------------------------------------------------ errors

    @Test
    void wrongCredentialsAreUnauthenticated() {
        String account = newAccount();
        BrokerCredentials good = credentials(account);
        Map<String, String> secrets = new java.util.HashMap<>(good.secrets());
        secrets.put("app_secret", "not-the-secret");
        GatewayException e = failure(connector.open(new BrokerCredentials(BrokerId.PAPER, "bad", secrets, good.endpoints())));
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
    }

    @Test
    void unknownSymbolsAndLotSizeViolationsAreInvalidRequests() {
        String account = newAccount();
        BrokerSession s = open(account);
        InstrumentId unknown = InstrumentId.parse("ZZZZ.HK");
        GatewayException place = failure(s.trading().place(limitBuy(account, "bad-1", unknown, "100", new BigDecimal("10"))));
        assertEquals(ErrorCode.INVALID_REQUEST, place.code());
        assertEquals("602001", place.brokerCode());
        assertTrue(place.getMessage().contains("unknown symbol"), place.getMessage());

        GatewayException quote = failure(s.marketData().quotes(List.of(unknown)));
        assertEquals(ErrorCode.INVALID_REQUEST, quote.code());
        assertTrue(quote.getMessage().contains("unknown symbol"), quote.getMessage());

        Instrument tencent = await(s.marketData().instruments(List.of(TENCENT))).get(0);
        GatewayException lot = failure(s.trading().place(limitBuy(account, "bad-2", TENCENT, "150",
                below(s, tencent, "0.9"))));
        assertEquals(ErrorCode.INVALID_REQUEST, lot.code());
        assertEquals("602002", lot.brokerCode());
        assertTrue(lot.getMessage().contains("lot"), lot.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static InstrumentId filler(int i) {
        return InstrumentId.parse((20_000 + i) + ".HK");
    }

    private static synchronized String newAccount() {
        String no = "LPIT" + (++accounts);
        server.registerAccount(new PaperAccountSpec(no, "IT " + no, "key-" + no, "secret-" + no, "token-" + no,
                Map.of("HKD", new BigDecimal("100000000"), "USD", new BigDecimal("1000000"))));
        return no;
    }

    private static BrokerCredentials credentials(String accountNo) {
        PaperCredentials p = server.accounts().stream().filter(a -> a.accountNo().equals(accountNo)).findFirst()
                .orElseThrow();
        return new BrokerCredentials(BrokerId.PAPER, "conn-" + accountNo,
                Map.of("app_key", p.appKey(), "app_secret", p.appSecret(), "access_token", p.accessToken(),
                        "account_no", accountNo),
                Map.of("http", p.httpUrl(), "quote_ws", p.quoteWsUrl(), "trade_ws", p.tradeWsUrl()));
    }

    private static BrokerSession open(String accountNo) {
        BrokerSession s = await(connector.open(credentials(accountNo)));
        synchronized (SESSIONS) {
            SESSIONS.add(s);
        }
        return s;
    }

    private static BrokerSession connected(String accountNo, Recorder rec) {
        BrokerSession s = open(accountNo);
        s.push().addListener(rec);
        await(s.push().connect());
        return s;
    }

    /** A tick-valid price {@code factor} below the current last price. */
    private static BigDecimal below(BrokerSession s, Instrument i, String factor) {
        BigDecimal last = await(s.marketData().quotes(List.of(i.id()))).get(0).last();
        assertNotNull(last, "no last price for " + i.id());
        return i.ticks().round(last.multiply(new BigDecimal(factor)), RoundingMode.DOWN);
    }

    private static OrderRequest limitBuy(String account, String clientId, InstrumentId id, String qty, BigDecimal price) {
        return new OrderRequest(account, clientId, id, Side.BUY, OrderType.LIMIT, new BigDecimal(qty), price, null, null,
                null, TimeInForce.DAY, null, false);
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(c);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static GatewayException failure(CompletionStage<?> stage) {
        try {
            Object v = stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return fail("expected a failure, got " + v);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof GatewayException g) {
                return g;
            }
            throw new AssertionError("expected a GatewayException", c);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
