package io.brokergate.sim.engine;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.ErrorCode;
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
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.sim.accounts.AccountInfo;
import io.brokergate.sim.market.TradingCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The simulated exchange as a service: an {@link ExchangeCore} confined to one engine thread
 * (LMAX-style: all state changes happen there, in submission order, without locks), an asynchronous
 * API for callers that must never block (Vert.x event loops), a driver that advances the market
 * every {@link SimConfig#stepInterval()}, and event delivery to listeners through mailboxes.
 *
 * <p><b>Threading contract.</b>
 * <ul>
 *   <li>Every method returning a {@link CompletionStage} only enqueues a command and returns at once.
 *       The stage completes on the <em>completion executor</em> (by default the exchange's own
 *       "sim-exchange-events" thread, never the engine thread), so dependent stages cannot stall the
 *       engine. Hop to your own context (for example Vert.x {@code runOnContext}) before touching
 *       context-bound state.</li>
 *   <li>Failures complete the stage exceptionally with an {@link OrderRejectedException} (a refused
 *       order, replace or cancel, with its {@link RejectReason}) or another
 *       {@link GatewayException} (unknown account: {@code not_found}; closed exchange:
 *       {@code broker_unavailable}).</li>
 *   <li>{@link #quote}, {@link #quotes}, {@link #depth}, {@link #instruments}, {@link #instrument}, {@link #calendar},
 *       {@link #sessions}, {@link #tradingDays}, {@link #isOpen} and {@link #isMarketPaused} are
 *       synchronous, lock-free reads of immutable or published data: call them from any thread.</li>
 *   <li>Listeners: see {@link SimEventListener}.</li>
 * </ul>
 */
public final class SimExchange implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimExchange.class);

    private final SimConfig config;
    private final SimClock clock;
    private final ScheduledThreadPoolExecutor engine;
    private final ExecutorService ownDelivery;
    private final Executor completion;
    private final CopyOnWriteArrayList<EventMailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final ExchangeCore core;
    private final TradingCalendar calendar;
    private final Map<InstrumentId, Instrument> instrumentsById = new HashMap<>();
    private ScheduledFuture<?> driver;
    private volatile boolean paused;
    private volatile boolean closed;

    private SimExchange(SimConfig config, SimClock clock, Executor completionExecutor) {
        this.config = config;
        this.clock = clock;
        this.engine = new ScheduledThreadPoolExecutor(1, named("sim-exchange-engine"));
        this.engine.setRemoveOnCancelPolicy(true);
        this.engine.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.ownDelivery = Executors.newSingleThreadExecutor(named("sim-exchange-events"));
        this.completion = completionExecutor != null ? completionExecutor : ownDelivery;
        // Built here, then used only on the engine thread: handing it over through the executor's
        // queue publishes it safely.
        this.core = new ExchangeCore(config, clock, new FanOut());
        this.calendar = core.calendar();
        for (Instrument i : core.instruments()) {
            instrumentsById.put(i.id(), i);
        }
    }

    /** A stopped exchange: call {@link #start()} to run the market driver, or drive it with {@link #step()}. */
    public static SimExchange create(SimConfig config, SimClock clock) {
        return new SimExchange(config, clock, null);
    }

    /** As {@link #create(SimConfig, SimClock)}, completing every stage on {@code completionExecutor}. */
    public static SimExchange create(SimConfig config, SimClock clock, Executor completionExecutor) {
        return new SimExchange(config, clock, completionExecutor);
    }

    public SimConfig config() {
        return config;
    }

    public SimClock clock() {
        return clock;
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    /** Starts the market driver ({@link ExchangeCore#tick()} every step interval). Idempotent. */
    public synchronized SimExchange start() {
        if (closed) {
            throw new IllegalStateException("the exchange is closed");
        }
        if (driver == null) {
            long period = config.stepInterval().toMillis();
            driver = engine.scheduleAtFixedRate(this::tickSafely, period, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stops the market driver; commands keep working. Idempotent. */
    public synchronized void stop() {
        if (driver != null) {
            driver.cancel(false);
            driver = null;
        }
    }

    public synchronized boolean isRunning() {
        return driver != null;
    }

    private void tickSafely() {
        try {
            core.tick();
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task for good: log and keep the market alive.
            LOG.error("sim-exchange market step failed", e);
        }
    }

    /** Stops the driver and the engine thread; pending commands fail with {@code broker_unavailable}. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stop();
        }
        engine.shutdown();
        try {
            if (!engine.awaitTermination(5, TimeUnit.SECONDS)) {
                engine.shutdownNow();
            }
        } catch (InterruptedException e) {
            engine.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (EventMailbox m : mailboxes) {
            m.close();
        }
        ownDelivery.shutdown();
    }

    // ---- listeners --------------------------------------------------------------------------------

    /** Delivers events on the exchange's own event thread. */
    public ListenerRegistration addListener(SimEventListener listener) {
        return addListener(listener, ownDelivery);
    }

    /** Delivers events on {@code executor}, one at a time, in engine order (see {@link SimEventListener}). */
    public ListenerRegistration addListener(SimEventListener listener, Executor executor) {
        EventMailbox[] holder = new EventMailbox[1];
        EventMailbox mailbox = new EventMailbox(listener, executor, config.listenerQueueCapacity(),
                () -> mailboxes.remove(holder[0]));
        holder[0] = mailbox;
        mailboxes.add(mailbox);
        return mailbox;
    }

    /** The engine's sink: hands every event to each mailbox (append only, never blocks). */
    private final class FanOut implements SimEventListener {
        @Override
        public void onOrderUpdate(OrderDetail order, Execution fill) {
            for (EventMailbox m : mailboxes) {
                m.onOrderUpdate(order, fill);
            }
        }

        @Override
        public void onExecution(Execution execution) {
            for (EventMailbox m : mailboxes) {
                m.onExecution(execution);
            }
        }

        @Override
        public void onQuote(Quote quote) {
            for (EventMailbox m : mailboxes) {
                m.onQuote(quote);
            }
        }

        @Override
        public void onDepth(Depth depth) {
            for (EventMailbox m : mailboxes) {
                m.onDepth(depth);
            }
        }

        @Override
        public void onTrade(TradeTick trade) {
            for (EventMailbox m : mailboxes) {
                m.onTrade(trade);
            }
        }
    }

    // ---- command plumbing -------------------------------------------------------------------------

    private <T> CompletionStage<T> call(Function<ExchangeCore, T> command) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            engine.execute(() -> {
                T result = null;
                Throwable failure = null;
                try {
                    result = command.apply(core);
                } catch (Throwable t) {
                    failure = t;
                }
                complete(future, result, failure);
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(closedException());
        }
        return future;
    }

    private CompletionStage<Void> run(java.util.function.Consumer<ExchangeCore> command) {
        return call(c -> {
            command.accept(c);
            return null;
        });
    }

    private <T> void complete(CompletableFuture<T> future, T result, Throwable failure) {
        Runnable completeIt = failure == null ? () -> future.complete(result) : () -> future.completeExceptionally(failure);
        try {
            completion.execute(completeIt);
        } catch (RejectedExecutionException e) {
            completeIt.run();
        }
    }

    private static GatewayException closedException() {
        return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the simulated exchange is closed");
    }

    // ---- market data ------------------------------------------------------------------------------

    /** Listed instruments (immutable). */
    public List<Instrument> instruments() {
        return core.instruments();
    }

    public Optional<Instrument> instrument(InstrumentId id) {
        return Optional.ofNullable(instrumentsById.get(id));
    }

    /** Latest level-1 snapshot, or null for an unknown instrument. Any thread. */
    public Quote quote(InstrumentId id) {
        return core.quote(id);
    }

    /** Latest quotes, in the order asked; unknown ids are left out. Any thread. */
    public List<Quote> quotes(Collection<InstrumentId> ids) {
        return core.quotes(ids);
    }

    /** Latest depth snapshot (top {@link SimConfig#depthLevels()} per side), or null. Any thread. */
    public Depth depth(InstrumentId id) {
        return core.depth(id);
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** Regular sessions of a region, in its local time. */
    public List<TradingSession> sessions(Market.Region region) {
        return calendar.sessions(region);
    }

    /** Trading days of a region in {@code [from, to]}. */
    public TradingDays tradingDays(Market.Region region, LocalDate from, LocalDate to) {
        return calendar.tradingDays(region, from, to);
    }

    /** Whether orders for this market are accepted now (always, unless sessions are enforced). */
    public boolean isOpen(Market market) {
        return core.isOpen(market);
    }

    public CompletionStage<List<TradeTick>> recentTrades(InstrumentId id, int count) {
        return call(c -> c.recentTrades(id, count));
    }

    /** Bars with {@code from <= openTime < to} (nulls unbounded). */
    public CompletionStage<List<Bar>> candles(InstrumentId id, BarPeriod period, Instant from, Instant to) {
        return call(c -> c.candles(id, period, from, to));
    }

    /** The latest {@code count} bars opening before {@code before} (null: the latest, including the bar in progress). */
    public CompletionStage<List<Bar>> candlesBefore(InstrumentId id, BarPeriod period, Instant before, int count) {
        return call(c -> c.candlesBefore(id, period, before, count));
    }

    /** The earliest {@code count} bars opening at or after {@code from}. */
    public CompletionStage<List<Bar>> candlesFrom(InstrumentId id, BarPeriod period, Instant from, int count) {
        return call(c -> c.candlesFrom(id, period, from, count));
    }

    // ---- trading ----------------------------------------------------------------------------------

    public CompletionStage<OrderDetail> placeOrder(OrderRequest request) {
        return call(c -> c.placeOrder(request));
    }

    /** @param remark free text kept with the order (LongPort {@code remark}); defaults to the client order id */
    public CompletionStage<OrderDetail> placeOrder(OrderRequest request, String remark) {
        return call(c -> c.placeOrder(request, remark));
    }

    public CompletionStage<OrderDetail> replaceOrder(OrderAmendment amendment) {
        return call(c -> c.replaceOrder(amendment));
    }

    public CompletionStage<OrderDetail> cancelOrder(String accountId, String orderId) {
        return call(c -> c.cancelOrder(accountId, orderId));
    }

    public CompletionStage<Optional<OrderDetail>> order(String accountId, String orderId) {
        return call(c -> c.order(accountId, orderId));
    }

    public CompletionStage<List<OrderDetail>> todayOrders(String accountId, OrderQuery query) {
        return call(c -> c.todayOrders(accountId, query));
    }

    public CompletionStage<List<OrderDetail>> historyOrders(String accountId, OrderQuery query) {
        return call(c -> c.historyOrders(accountId, query));
    }

    public CompletionStage<List<OrderDetail>> ordersByClientOrderId(String accountId, String clientOrderId) {
        return call(c -> c.ordersByClientOrderId(accountId, clientOrderId));
    }

    public CompletionStage<List<Execution>> todayExecutions(String accountId, InstrumentId instrument, String orderId) {
        return call(c -> c.todayExecutions(accountId, instrument, orderId));
    }

    public CompletionStage<List<Execution>> executions(String accountId, Instant from, Instant to, InstrumentId instrument) {
        return call(c -> c.executions(accountId, from, to, instrument));
    }

    /** Executions matching an order query (instrument, side, order id, time range). */
    public CompletionStage<List<Execution>> executions(String accountId, OrderQuery query) {
        return call(c -> c.executions(accountId, query));
    }

    public CompletionStage<List<Balance>> balances(String accountId) {
        return call(c -> c.balances(accountId));
    }

    public CompletionStage<List<Position>> positions(String accountId) {
        return call(c -> c.positions(accountId));
    }

    /** Whole-lot quantity the available cash buys at {@code price} (null: best ask), fees included. */
    public CompletionStage<BigDecimal> maxBuyQuantity(String accountId, InstrumentId id, BigDecimal price) {
        return call(c -> c.maxBuyQuantity(accountId, id, price));
    }

    public CompletionStage<BigDecimal> maxSellQuantity(String accountId, InstrumentId id) {
        return call(c -> c.maxSellQuantity(accountId, id));
    }

    // ---- admin ------------------------------------------------------------------------------------

    /** @param accountId null for a generated id; @param funding null for the configured default */
    public CompletionStage<AccountInfo> createAccount(String accountId, Map<String, BigDecimal> funding) {
        return call(c -> c.createAccount(accountId, funding));
    }

    /** Cancels open orders, forgets the account's orders, executions and positions, restores its funding. */
    public CompletionStage<AccountInfo> resetAccount(String accountId) {
        return call(c -> c.resetAccount(accountId));
    }

    /** As {@link #resetAccount(String)}, with a new initial funding (null keeps the current one). */
    public CompletionStage<AccountInfo> resetAccount(String accountId, Map<String, BigDecimal> funding) {
        return call(c -> c.resetAccount(accountId, funding));
    }

    public CompletionStage<List<AccountInfo>> accounts() {
        return call(ExchangeCore::accounts);
    }

    /** Moves an instrument's price (nearest valid price); crossed resting orders fill. Completes with the price used. */
    public CompletionStage<BigDecimal> movePrice(InstrumentId id, BigDecimal price) {
        return call(c -> c.movePrice(id, price));
    }

    /** Freezes the generator (no market moves, so no market-data pushes); orders are still accepted. */
    public CompletionStage<Void> pauseMarket() {
        paused = true;
        return run(c -> c.setGeneratorPaused(true));
    }

    public CompletionStage<Void> resumeMarket() {
        paused = false;
        return run(c -> c.setGeneratorPaused(false));
    }

    public boolean isMarketPaused() {
        return paused;
    }

    /** One generator step now, whether or not the driver runs or is paused (tests, admin). */
    public CompletionStage<Void> step() {
        return run(ExchangeCore::step);
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
