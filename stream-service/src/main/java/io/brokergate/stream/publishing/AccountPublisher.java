package io.brokergate.stream.publishing;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import io.brokergate.core.spi.TradingApi;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns one owned account's pushes into stamped events. Callbacks arrive on the adapter's event
 * loop, so every method only stamps and hands over (the sink does not block); broker calls for
 * the state snapshot and the position/balance refresh are asynchronous.
 *
 * <p>Account events carry a gap-free sequence per account and epoch (starting at 1); market data
 * has its own gap-free sequence per instrument, because it goes to another channel, keyed (and on
 * Kafka partitioned and ordered) by feed + instrument: a consumer can only check the order of what
 * is ordered. Until the first snapshot (today's orders,
 * positions, balances) is out, order pushes are held back and follow it, so a consumer that
 * builds state from events sees the snapshot first and newer changes after it.
 */
public final class AccountPublisher implements PushListener {

    private static final Logger LOG = Logger.getLogger(AccountPublisher.class);

    private final Account account;
    private final long epoch;
    private final EventSink sink;
    private final ScheduledExecutorService timer;
    private final Duration refreshInterval;
    private final Clock clock;

    // Guarded by this.
    private long accountSequence;
    private final Map<InstrumentId, long[]> marketSequences = new HashMap<>();
    private boolean snapshotDone;
    private boolean closed;
    private final List<Function<EventStamp, AccountEvent>> heldBack = new ArrayList<>();
    private final Map<InstrumentId, Position> lastPositions = new HashMap<>();
    private boolean refreshScheduled;
    private long lastRefreshMillis = Long.MIN_VALUE / 2;
    private TradingApi trading;
    private boolean stalled;
    private long lastPushMillis;

    public AccountPublisher(Account account, long epoch, EventSink sink, ScheduledExecutorService timer,
                            Duration refreshInterval, Clock clock) {
        this.account = account;
        this.epoch = epoch;
        this.sink = sink;
        this.timer = timer;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    public String accountId() {
        return account.id();
    }

    public long epoch() {
        return epoch;
    }

    /**
     * The session is up: publishes today's orders, positions and balances, then whatever was held
     * back meanwhile. Called again for a new session of the same assignment (after a failed open).
     */
    public CompletionStage<Void> publishSnapshot(TradingApi api) {
        synchronized (this) {
            trading = api;
            lastRefreshMillis = clock.millis(); // the snapshot reads positions too: it counts against the interval
        }
        String brokerNo = account.brokerAccountNo();
        CompletableFuture<List<Order>> orders = api.todayOrders(brokerNo, OrderQuery.ALL).toCompletableFuture();
        return orders.thenCompose(o -> api.positions(brokerNo).thenCompose(p -> api.balances(brokerNo)
                        .thenAccept(b -> snapshot(o, p, b))))
                .exceptionally(error -> {
                    LOG.warnf("state snapshot of %s failed (%s); publishing pushes without it", account.id(), error.getMessage());
                    snapshot(List.of(), null, null);
                    return null;
                });
    }

    private synchronized void snapshot(List<Order> orders, List<Position> positions, List<Balance> balances) {
        orders.forEach(o -> emit(s -> AccountEvent.order(s, o.withAccountId(account.id()))));
        if (positions != null) {
            publishPositions(positions);
        }
        if (balances != null) {
            emit(s -> AccountEvent.balances(s, balances.stream().map(b -> b.withAccountId(account.id())).toList()));
        }
        snapshotDone = true;
        heldBack.forEach(this::emit);
        heldBack.clear();
    }

    @Override
    public void onQuote(Quote quote) {
        market(quote.instrument(), s -> MarketDataEvent.quote(s, quote));
    }

    @Override
    public void onDepth(Depth depth) {
        market(depth.instrument(), s -> MarketDataEvent.depth(s, depth));
    }

    @Override
    public void onTrades(List<TradeTick> trades) {
        if (!trades.isEmpty()) {
            InstrumentId instrument = trades.get(0).instrument();
            market(instrument, s -> MarketDataEvent.trades(s, instrument, trades));
        }
    }

    @Override
    public void onOrder(Order order) {
        orderEvent(s -> AccountEvent.order(s, order.withAccountId(account.id())));
    }

    @Override
    public void onExecution(Execution execution) {
        orderEvent(s -> AccountEvent.execution(s, execution.withAccountId(account.id())));
        requestRefresh();
    }

    @Override
    public void onConnectionState(ConnectionState state, String detail) {
        // Not held back: clients must learn at once that the upstream dropped.
        connection(state.name().toLowerCase(Locale.ROOT), detail);
        if (state == ConnectionState.RESTORED) {
            // Fills while the socket was down were reconciled as order events; positions and cash moved too.
            requestRefresh();
        }
    }

    /** Publishes a connection status that is not a socket state ({@code closing}, {@code stalled}). */
    public synchronized void connection(String state, String detail) {
        if (!closed) {
            emit(s -> AccountEvent.connection(s, state, detail));
        }
    }

    /** Ownership ended: nothing more is published for this epoch. */
    public synchronized void close() {
        closed = true;
        heldBack.clear();
    }

    /** When the last push (market data or order) arrived, in clock millis; 0 before the first. */
    public synchronized long lastPushMillis() {
        return lastPushMillis;
    }

    public synchronized boolean isStalled() {
        return stalled;
    }

    /** No push for too long although clients want data: tells consumers once, until pushes resume. */
    public synchronized void markStalled(String detail) {
        if (!stalled && !closed) {
            stalled = true;
            emit(s -> AccountEvent.connection(s, "stalled", detail));
        }
    }

    /** Caller holds the lock. */
    private void pushed() {
        lastPushMillis = clock.millis();
        if (stalled) {
            stalled = false;
            emit(s -> AccountEvent.connection(s, "connected", "pushes resumed"));
        }
    }

    private synchronized void orderEvent(Function<EventStamp, AccountEvent> event) {
        if (closed) {
            return;
        }
        pushed();
        if (snapshotDone) {
            emit(event);
        } else {
            heldBack.add(event);
        }
    }

    private synchronized void market(InstrumentId instrument, Function<EventStamp, MarketDataEvent> event) {
        if (!closed) {
            pushed();
            long[] sequence = marketSequences.computeIfAbsent(instrument, i -> new long[1]);
            sink.publish(event.apply(new EventStamp(account.tenantId(), account.id(), epoch, ++sequence[0], clock.instant())));
        }
    }

    /** Caller holds the lock: stamping and handing over happen together, so sequence order is channel order. */
    private void emit(Function<EventStamp, AccountEvent> event) {
        sink.publish(event.apply(new EventStamp(account.tenantId(), account.id(), epoch, ++accountSequence, clock.instant())));
    }

    /** Coalesces refreshes: at most one per interval (LongPort allows 30 trade calls per 30 s). */
    private void requestRefresh() {
        long delay;
        synchronized (this) {
            if (refreshScheduled || closed || trading == null) {
                return;
            }
            refreshScheduled = true;
            delay = Math.max(0, lastRefreshMillis + refreshInterval.toMillis() - clock.millis());
        }
        timer.schedule(this::refresh, delay, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        TradingApi api;
        synchronized (this) {
            refreshScheduled = false;
            lastRefreshMillis = clock.millis();
            api = trading;
            if (closed) {
                return;
            }
        }
        String brokerNo = account.brokerAccountNo();
        api.positions(brokerNo).thenCompose(p -> api.balances(brokerNo).thenAccept(b -> {
            synchronized (this) {
                if (!closed) {
                    publishPositions(p);
                    emit(s -> AccountEvent.balances(s, b.stream().map(x -> x.withAccountId(account.id())).toList()));
                }
            }
        })).exceptionally(error -> {
            LOG.warnf("position/balance refresh of %s failed: %s", account.id(), error.getMessage());
            return null;
        });
    }

    /** Publishes every position, and a flat one for each instrument that is no longer held. Caller holds the lock. */
    private void publishPositions(List<Position> positions) {
        Map<InstrumentId, Position> now = new HashMap<>();
        for (Position p : positions) {
            Position mine = p.withAccountId(account.id());
            now.put(mine.instrument(), mine);
            emit(s -> AccountEvent.position(s, mine));
        }
        for (Position gone : lastPositions.values()) {
            if (!now.containsKey(gone.instrument())) {
                Position flat = new Position(account.id(), gone.instrument(), BigDecimal.ZERO, BigDecimal.ZERO,
                        null, null, null, null, gone.currency());
                emit(s -> AccountEvent.position(s, flat));
            }
        }
        lastPositions.clear();
        lastPositions.putAll(now);
    }
}
