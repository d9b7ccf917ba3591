package io.brokergate.stream.publishing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.TradingApi;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The publisher on its own, with a scripted TradingApi: stamping, snapshot order, refresh coalescing. */
class AccountPublisherTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AccountEvent> published = new CopyOnWriteArrayList<>();
    private final List<MarketDataEvent> market = new CopyOnWriteArrayList<>();
    private final EventSink sink = new EventSink() {
        @Override
        public void publish(MarketDataEvent event) {
            market.add(event);
        }

        @Override
        public void publish(AccountEvent event) {
            published.add(event);
        }
    };
    private final AtomicInteger positionCalls = new AtomicInteger();
    private final AtomicReference<List<Position>> positions = new AtomicReference<>(List.of(position("BROKER-1", "300")));
    private final CompletableFuture<List<Order>> todayOrders = new CompletableFuture<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void sequencesAreGapFreePerAccountAndCarryTheGatewayAccount() {
        AccountPublisher a = publisher("acc-1", "BROKER-1", Duration.ofMillis(50));
        AccountPublisher b = publisher("acc-2", "BROKER-2", Duration.ofMillis(50));
        todayOrders.complete(List.of());
        a.publishSnapshot(trading()).toCompletableFuture().join();
        b.publishSnapshot(trading()).toCompletableFuture().join();
        for (int i = 0; i < 50; i++) {
            a.onOrder(order("BROKER-1", "o" + i, OrderStatus.WORKING));
            b.onOrder(order("BROKER-2", "p" + i, OrderStatus.WORKING));
            a.onConnectionState(ConnectionState.CONNECTED, "x");
        }
        for (String account : List.of("acc-1", "acc-2")) {
            List<AccountEvent> mine = published.stream().filter(e -> e.stamp().accountId().equals(account)).toList();
            for (int i = 0; i < mine.size(); i++) {
                assertEquals(i + 1, mine.get(i).stamp().sequence(), "sequence of " + account);
                assertEquals(account.equals("acc-1") ? 7L : 8L, mine.get(i).stamp().epoch());
            }
            mine.stream().filter(e -> e.kind() == AccountEvent.Kind.ORDER)
                    .forEach(e -> assertEquals(account, e.order().accountId()));
        }
    }

    @Test
    void marketDataSequencesAreGapFreePerInstrumentTheOrderKafkaKeepsByFeedAndInstrument() {
        AccountPublisher a = publisher("acc-1", "BROKER-1", Duration.ofMillis(50));
        InstrumentId apple = InstrumentId.parse("AAPL.US");
        for (int i = 0; i < 10; i++) {
            a.onQuote(new Quote(TENCENT, BigDecimal.ONE, null, null, null, null, null, null, null, null, i, null, null, Instant.now()));
            a.onDepth(new Depth(apple, List.of(new DepthLevel(BigDecimal.ONE, BigDecimal.TEN, 1)), List.of(), Instant.now()));
            a.onTrades(List.of(new TradeTick(TENCENT, BigDecimal.ONE, BigDecimal.TEN, Instant.now(), TradeTick.Aggressor.UNKNOWN, null)));
        }
        for (InstrumentId instrument : List.of(TENCENT, apple)) {
            List<Long> sequences = market.stream().filter(e -> e.instrument().equals(instrument)).map(e -> e.stamp().sequence()).toList();
            for (int i = 0; i < sequences.size(); i++) {
                assertEquals(i + 1, sequences.get(i), instrument + " " + sequences);
            }
        }
        assertEquals(30, market.size());
        assertTrue(market.stream().allMatch(e -> e.stamp().epoch() == 7));
    }

    @Test
    void ordersPushedBeforeTheSnapshotFollowIt() {
        AccountPublisher a = publisher("acc-1", "BROKER-1", Duration.ofMillis(50));
        var snapshot = a.publishSnapshot(trading());
        a.onOrder(order("BROKER-1", "o1", OrderStatus.FILLED));
        a.onConnectionState(ConnectionState.CONNECTED, "up"); // status is never held back
        assertEquals(List.of(AccountEvent.Kind.CONNECTION), published.stream().map(AccountEvent::kind).toList());

        todayOrders.complete(List.of(order("BROKER-1", "o1", OrderStatus.WORKING)));
        snapshot.toCompletableFuture().join();
        List<AccountEvent.Kind> kinds = published.stream().map(AccountEvent::kind).toList();
        assertEquals(List.of(AccountEvent.Kind.CONNECTION, AccountEvent.Kind.ORDER, AccountEvent.Kind.POSITION,
                AccountEvent.Kind.BALANCES, AccountEvent.Kind.ORDER), kinds);
        assertEquals(OrderStatus.WORKING, published.get(1).order().status());
        assertEquals(OrderStatus.FILLED, published.get(4).order().status());
    }

    @Test
    void aBurstOfExecutionsRefreshesPositionsOncePerIntervalAndClosedPositionsGoFlat() {
        AccountPublisher a = publisher("acc-1", "BROKER-1", Duration.ofMillis(300));
        todayOrders.complete(List.of());
        a.publishSnapshot(trading()).toCompletableFuture().join();
        assertEquals(1, positionCalls.get());
        positions.set(List.of()); // everything sold
        for (int i = 0; i < 20; i++) {
            a.onExecution(new Execution("e" + i, "o1", "BROKER-1", TENCENT, Side.SELL, BigDecimal.TEN, BigDecimal.ONE, null, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> positionCalls.get() == 2);
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> positionCalls.get() == 2);
        Position last = published.stream().filter(e -> e.kind() == AccountEvent.Kind.POSITION).reduce((x, y) -> y)
                .orElseThrow().position();
        assertEquals("acc-1", last.accountId());
        assertEquals(0, last.quantity().signum(), "a position that is gone is published flat");
        assertTrue(published.stream().filter(e -> e.kind() == AccountEvent.Kind.EXECUTION).allMatch(e -> e.execution().accountId().equals("acc-1")));
    }

    @Test
    void nothingIsPublishedAfterClose() {
        AccountPublisher a = publisher("acc-1", "BROKER-1", Duration.ofMillis(50));
        todayOrders.complete(List.of());
        a.publishSnapshot(trading()).toCompletableFuture().join();
        a.connection("closing", "shutdown");
        a.close();
        a.onOrder(order("BROKER-1", "late", OrderStatus.WORKING));
        a.onConnectionState(ConnectionState.CLOSED, "bye");
        assertEquals("closing", published.get(published.size() - 1).connection().state());
    }

    private AccountPublisher publisher(String accountId, String brokerNo, Duration refresh) {
        Account account = new Account(accountId, "tenant", "conn", BrokerId.PAPER, brokerNo, accountId, "HKD", AccountKind.PAPER);
        return new AccountPublisher(account, accountId.equals("acc-1") ? 7 : 8, sink, timer, refresh, Clock.systemUTC());
    }

    /** Answers the three calls the publisher makes; anything else is a test failure. */
    private TradingApi trading() {
        return (TradingApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TradingApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "todayOrders" -> todayOrders.thenApply(List::copyOf);
                    case "positions" -> {
                        positionCalls.incrementAndGet();
                        yield CompletableFuture.completedFuture(positions.get());
                    }
                    case "balances" -> CompletableFuture.completedFuture(List.of(new Balance((String) args[0], "HKD",
                            BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                            BigDecimal.ZERO, BigDecimal.ZERO, Instant.now())));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Position position(String brokerNo, String qty) {
        return new Position(brokerNo, TENCENT, new BigDecimal(qty), new BigDecimal(qty), BigDecimal.TEN, null, null, null, "HKD");
    }

    private static Order order(String brokerNo, String id, OrderStatus status) {
        return new Order(id, null, brokerNo, TENCENT, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, new BigDecimal("100"),
                new BigDecimal("600"), null, null, BigDecimal.ZERO, null, status, null, Instant.now(), Instant.now());
    }
}
