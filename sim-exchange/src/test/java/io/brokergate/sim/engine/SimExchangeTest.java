package io.brokergate.sim.engine;

import static io.brokergate.sim.engine.Orders.limit;
import static io.brokergate.sim.engine.Orders.market;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.sim.accounts.AccountInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimExchangeTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final String A = "SIM000001";

    private final ManualClock clock = ManualClock.at(2026, 3, 2, 10, 0, "Asia/Hong_Kong");
    private SimExchange exchange = SimExchange.create(SimConfig.defaults(), clock);

    @AfterEach
    void close() {
        exchange.close();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** An executor the test runs by hand, so delivery is deterministic. */
    private static final class HandRunExecutor implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                r.run();
            }
        }
    }

    @Test
    void placesAndQueriesThroughStagesThatNeverCompleteOnTheEngineThread() {
        OrderDetail filled = await(exchange.placeOrder(market(A, TENCENT, Side.BUY, 100)));
        assertEquals(OrderStatus.FILLED, filled.order().status());
        String completedOn = await(exchange.todayOrders(A, null).thenApply(list -> Thread.currentThread().getName()));
        assertNotEquals("sim-exchange-engine", completedOn);
        assertEquals(1, await(exchange.positions(A)).size());
        assertEquals(1, await(exchange.todayExecutions(A, null, null)).size());
        assertEquals(filled.orderId(), await(exchange.order(A, filled.orderId())).orElseThrow().orderId());
        assertTrue(await(exchange.balances(A)).size() >= 3);
    }

    @Test
    void refusalsCompleteTheStageExceptionally() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> await(exchange.placeOrder(limit(A, TENCENT, Side.BUY, 150, "600"))));
        OrderRejectedException rejected = assertInstanceOf(OrderRejectedException.class, e.getCause());
        assertEquals(RejectReason.WRONG_LOT_SIZE, rejected.reason());
        CompletionException missing = assertThrows(CompletionException.class, () -> await(exchange.balances("nobody")));
        assertEquals(ErrorCode.NOT_FOUND, ((GatewayException) missing.getCause()).code());
    }

    @Test
    void listenersGetEveryEventInOrderOnTheirOwnExecutor() {
        HandRunExecutor executor = new HandRunExecutor();
        EventLog log = new EventLog();
        ListenerRegistration registration = exchange.addListener(log, executor);
        OrderDetail placed = await(exchange.placeOrder(market(A, TENCENT, Side.BUY, 100)));
        await(exchange.step());
        assertTrue(log.orders.isEmpty(), "nothing is delivered until the listener's executor runs");
        executor.runAll();
        List<EventLog.OrderEvent> updates = log.ordersOf(placed.orderId());
        assertEquals(OrderStatus.WORKING, updates.get(0).order().order().status());
        assertEquals(OrderStatus.FILLED, updates.get(updates.size() - 1).order().order().status());
        assertNotNull(updates.get(updates.size() - 1).fill());
        assertEquals(1, log.executions.size());
        assertFalse(log.quotes.isEmpty());
        assertFalse(log.depths.isEmpty());
        assertFalse(log.trades.isEmpty());
        assertEquals(0, registration.pendingEvents());

        registration.close();
        await(exchange.step());
        executor.runAll();
        int quotes = log.quotes.size();
        await(exchange.step());
        executor.runAll();
        assertEquals(quotes, log.quotes.size(), "a closed registration gets nothing");
    }

    @Test
    void eventsLeaveTheEngineThreadOnlyThroughTheMailbox() {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        exchange.addListener(new SimEventListener() {
            @Override
            public void onQuote(io.brokergate.core.market.Quote quote) {
                threads.add(Thread.currentThread().getName());
            }
        }, Runnable::run);
        await(exchange.step());
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch("sim-exchange-engine"::equals), "all state changes and emissions happen on one thread");
    }

    @Test
    void aSlowListenerLosesMarketDataButNeverOrderUpdates() {
        exchange.close();
        exchange = SimExchange.create(SimConfig.defaults().toBuilder().listenerQueueCapacity(16).build(), clock);
        HandRunExecutor stuck = new HandRunExecutor();
        EventLog log = new EventLog();
        ListenerRegistration registration = exchange.addListener(log, stuck);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(200));
            await(exchange.step());
        }
        OrderDetail placed = await(exchange.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600")));
        await(exchange.cancelOrder(A, placed.orderId()));
        assertTrue(registration.droppedEvents() > 0);
        stuck.runAll();
        List<EventLog.OrderEvent> updates = log.ordersOf(placed.orderId());
        assertEquals(2, updates.size());
        assertEquals(OrderStatus.CANCELLED, updates.get(1).order().order().status());
    }

    @Test
    void adminHooks() {
        AccountInfo created = await(exchange.createAccount("bob", Map.of("HKD", new BigDecimal("5000000"))));
        assertEquals("bob", created.accountId());
        assertEquals(2, await(exchange.accounts()).size());
        OrderDetail resting = await(exchange.placeOrder(limit("bob", TENCENT, Side.BUY, 100, "620")));
        BigDecimal used = await(exchange.movePrice(TENCENT, new BigDecimal("615")));
        assertEquals(0, new BigDecimal("615").compareTo(used));
        assertEquals(OrderStatus.FILLED, await(exchange.order("bob", resting.orderId())).orElseThrow().order().status());
        assertEquals(0, new BigDecimal("615").compareTo(exchange.quote(TENCENT).last()));
        assertEquals(10, exchange.depth(TENCENT).bids().size());
        await(exchange.resetAccount("bob"));
        assertTrue(await(exchange.positions("bob")).isEmpty());

        await(exchange.pauseMarket());
        assertTrue(exchange.isMarketPaused());
        await(exchange.resumeMarket());
        assertFalse(exchange.isMarketPaused());
    }

    @Test
    void marketDataAndReferenceData() {
        assertEquals(12, exchange.instruments().size());
        assertTrue(exchange.instrument(TENCENT).isPresent());
        assertEquals(2, exchange.sessions(Market.Region.HK).size());
        assertEquals(5, exchange.tradingDays(Market.Region.US, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8)).tradingDays().size());
        assertTrue(exchange.isOpen(Market.US), "sessions are not enforced by default");
        assertEquals(2, exchange.quotes(List.of(TENCENT, InstrumentId.parse("NONE.HK"), InstrumentId.parse("AAPL.US"))).size());
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMillis(200));
            await(exchange.step());
        }
        assertFalse(await(exchange.recentTrades(TENCENT, 10)).isEmpty());
        assertEquals(100, await(exchange.candlesBefore(TENCENT, BarPeriod.MIN_1, null, 100)).size());
        assertEquals(60, await(exchange.candles(TENCENT, BarPeriod.DAY, null, clock.now().minus(Duration.ofDays(1)))).size());
        assertEquals(5, await(exchange.candlesFrom(TENCENT, BarPeriod.DAY, clock.now().minus(Duration.ofDays(30)), 5)).size());
        assertEquals(0, new BigDecimal("1500").compareTo(await(exchange.maxBuyQuantity(A, TENCENT, new BigDecimal("640")))));
    }

    @Test
    void theDriverStartsAndStopsAndAClosedExchangeRefusesWork() {
        exchange.start();
        assertTrue(exchange.isRunning());
        exchange.start();
        exchange.stop();
        assertFalse(exchange.isRunning());
        exchange.close();
        CompletionException e = assertThrows(CompletionException.class, () -> await(exchange.accounts()));
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, ((GatewayException) e.getCause()).code());
        assertThrows(IllegalStateException.class, exchange::start);
    }
}
