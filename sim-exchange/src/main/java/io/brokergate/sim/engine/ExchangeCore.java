package io.brokergate.sim.engine;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.sim.accounts.AccountInfo;
import io.brokergate.sim.accounts.AccountRegistry;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.market.MarketHistory;
import io.brokergate.sim.market.TradingCalendar;
import io.brokergate.sim.matching.MatchingEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The whole simulated exchange as one synchronous state machine: market generator, matching, accounts,
 * orders, executions and events. Every public method is a complete command: it reads the clock once,
 * expires due orders, does its work and then publishes the quotes and depth it changed.
 *
 * <p>This class owns that command frame and wires the parts that do the work: {@link OrderEntry},
 * {@link OrderLifecycle}, {@link FillAccounting}, {@link MarketMover}, {@link QuoteBoard},
 * {@link OrderQueries} and {@link AccountCommands}.
 *
 * <p><b>Threading:</b> not thread-safe. {@link SimExchange} owns one and calls it only from its engine
 * thread; tests and benchmarks may drive one directly from a single thread. The exceptions are
 * {@link #quote} and {@link #depth}, which read published immutable snapshots and are safe from any
 * thread. Events go synchronously to the {@link SimEventListener} given at construction, which must not
 * call back into the core.
 *
 * <p><b>Prices:</b> BigDecimal at this API, fixed-point {@code long} inside (see
 * {@link io.brokergate.sim.market.FixedPoint}).
 */
public final class ExchangeCore {

    private final SimConfig config;
    private final SimClock clock;
    private final TradingCalendar calendar;
    private final SessionRules sessions;
    private final CommandTime time;
    private final Listing listing;
    private final MarketHistory history;
    private final MatchingEngine matching;
    private final OrderStore store;
    private final OrderLifecycle lifecycle;
    private final OrderEntry orders;
    private final OrderQueries queries;
    private final AccountCommands accounts;
    private final MarketMover mover;
    private final QuoteBoard board;
    private boolean busy;

    public ExchangeCore(SimConfig config, SimClock clock, SimEventListener events) {
        this.config = config;
        this.clock = clock;
        this.calendar = config.calendar();
        this.sessions = new SessionRules(config.enforceSessions(), calendar);
        this.time = new CommandTime(clock);
        Instant start = time.now();
        // Digits only, increasing across restarts as long as fewer than 1000 orders per millisecond are placed.
        long idBase = time.millis() * 1000;
        SimEventListener sink = new GuardedListener(events);
        this.listing = new Listing(config.instruments(), config.marketSettings(), calendar, start);
        this.history = new MarketHistory(listing);
        ChangedInstruments changed = new ChangedInstruments(listing.size());
        PrintRecorder prints = new PrintRecorder(time, changed, sink);
        OrderReservations reservations = new OrderReservations(config);
        this.store = new OrderStore(config.historyRetention(), time.millis());
        this.matching = new MatchingEngine(listing.size(),
                new FillAccounting(config, listing, reservations, store, prints, sink, time, idBase));
        this.mover = new MarketMover(listing, matching, sessions, prints, changed, time);
        this.board = new QuoteBoard(listing, matching, sessions, changed, sink, config.depthLevels());
        this.lifecycle = new OrderLifecycle(matching, reservations, sessions, changed, sink, time);
        OrderValidator validator = new OrderValidator(config, sessions, matching, reservations, time);
        AccountRegistry registry = new AccountRegistry(config.initialFunding());
        for (String id : config.initialAccounts()) {
            registry.create(id, null, start);
        }
        this.orders = new OrderEntry(registry, listing, store, validator, lifecycle, reservations, matching, changed,
                sink, time, idBase);
        this.queries = new OrderQueries(store, registry, time);
        this.accounts = new AccountCommands(registry, listing, matching, store, lifecycle, config, time);
        board.publishChanges(start);
    }

    public SimConfig config() {
        return config;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** Direct access to the matching engine, for benchmarks and diagnostics (engine thread only). */
    public MatchingEngine matchingEngine() {
        return matching;
    }

    // ---- command frame --------------------------------------------------------------------------

    private void begin() {
        if (busy) {
            throw new IllegalStateException("ExchangeCore was called re-entrantly (from an event listener?)");
        }
        busy = true;
        time.advance();
        lifecycle.expireDue();
        store.pruneIfNewDay(time.millis(), time.now());
    }

    private void end() {
        try {
            board.publishChanges(time.now());
        } finally {
            busy = false;
        }
    }

    /**
     * One command in the frame. Order entry and market steps spell the frame out instead, so that the
     * paths taken most often allocate no lambda.
     */
    private <T> T inCommand(Supplier<T> command) {
        begin();
        try {
            return command.get();
        } finally {
            end();
        }
    }

    // ---- market -----------------------------------------------------------------------------------

    /** Listed instruments, in configuration order. Immutable. */
    public List<Instrument> instruments() {
        return listing.instruments();
    }

    public Optional<Instrument> instrument(InstrumentId id) {
        return listing.instrument(id);
    }

    /** Latest level-1 snapshot; safe from any thread. Null for an unknown instrument. */
    public Quote quote(InstrumentId id) {
        return board.quote(id);
    }

    /** Latest quotes of several instruments, in the order asked; unknown ids are left out. Any thread. */
    public List<Quote> quotes(Collection<InstrumentId> ids) {
        return board.quotes(ids);
    }

    /** Latest depth snapshot (merged client and market liquidity); safe from any thread. Null for an unknown instrument. */
    public Depth depth(InstrumentId id) {
        return board.depth(id);
    }

    /** Whether the instrument's market is in a regular session now (always true when sessions are not enforced). */
    public boolean isOpen(Market market) {
        return sessions.isOpen(market, clock.now());
    }

    /** The most recent prints, oldest first. */
    public List<TradeTick> recentTrades(InstrumentId id, int count) {
        return inCommand(() -> history.recentTrades(id, count));
    }

    /** Bars with {@code from <= openTime < to}; nulls mean unbounded. */
    public List<Bar> candles(InstrumentId id, BarPeriod period, Instant from, Instant to) {
        return inCommand(() -> history.candles(id, period, from, to));
    }

    /** The latest {@code count} bars opening before {@code before} (null = now, including the bar in progress). */
    public List<Bar> candlesBefore(InstrumentId id, BarPeriod period, Instant before, int count) {
        return inCommand(() -> history.candlesBefore(id, period, before, count));
    }

    /** The earliest {@code count} bars opening at or after {@code from}. */
    public List<Bar> candlesFrom(InstrumentId id, BarPeriod period, Instant from, int count) {
        return inCommand(() -> history.candlesFrom(id, period, from, count));
    }

    /** Pauses or resumes the generator as driven by {@link #tick()}; manual {@link #step()}s still run. */
    public void setGeneratorPaused(boolean paused) {
        mover.setPaused(paused);
    }

    public boolean isGeneratorPaused() {
        return mover.isPaused();
    }

    /** The runtime driver's call: expires due orders and, unless paused, advances the market one step. */
    public void tick() {
        begin();
        try {
            mover.tick();
        } finally {
            end();
        }
    }

    /** Advances every (open) instrument one generator step at the clock's current time. */
    public void step() {
        begin();
        try {
            mover.step();
        } finally {
            end();
        }
    }

    /**
     * Admin: moves an instrument to (the nearest valid price to) {@code price}. The ladder recentres
     * there (best bid at the price, best ask one tick above), crossed resting orders fill at their own
     * prices, one market print at the new price follows and triggers fire.
     *
     * @return the price actually used
     */
    public BigDecimal movePrice(InstrumentId id, BigDecimal price) {
        return inCommand(() -> mover.moveTo(id, price));
    }

    // ---- accounts ---------------------------------------------------------------------------------

    /**
     * Creates a paper account.
     *
     * @param accountId wanted id, or null for a generated one
     * @param funding   cash per currency, or null for the configured default
     */
    public AccountInfo createAccount(String accountId, Map<String, BigDecimal> funding) {
        return inCommand(() -> accounts.create(accountId, funding));
    }

    /** {@link #resetAccount(String, Map)} back to the account's initial funding. */
    public AccountInfo resetAccount(String accountId) {
        return resetAccount(accountId, null);
    }

    /**
     * Starts the account afresh: open orders are cancelled (and pushed as such), then the account's
     * orders, executions and positions are forgotten and its cash restored.
     *
     * @param funding new initial funding per currency, or null to keep the current one
     */
    public AccountInfo resetAccount(String accountId, Map<String, BigDecimal> funding) {
        return inCommand(() -> accounts.reset(accountId, funding));
    }

    public List<AccountInfo> accounts() {
        return inCommand(accounts::list);
    }

    /** One balance per currency the account holds. */
    public List<Balance> balances(String accountId) {
        return inCommand(() -> accounts.balances(accountId));
    }

    /** Non-flat positions. */
    public List<Position> positions(String accountId) {
        return inCommand(() -> accounts.positions(accountId));
    }

    /**
     * Largest whole-lot quantity the account's available cash buys at {@code price} (null = the best
     * ask, or the last price when there is none), fees included.
     */
    public BigDecimal maxBuyQuantity(String accountId, InstrumentId id, BigDecimal price) {
        return inCommand(() -> accounts.maxBuyQuantity(accountId, id, price));
    }

    /** Shares the account may sell now (its holding minus open sells). */
    public BigDecimal maxSellQuantity(String accountId, InstrumentId id) {
        return inCommand(() -> accounts.maxSellQuantity(accountId, id));
    }

    // ---- orders -----------------------------------------------------------------------------------

    /** {@link #placeOrder(OrderRequest, String)} with the client order id as remark. */
    public OrderDetail placeOrder(OrderRequest request) {
        return placeOrder(request, request.clientOrderId());
    }

    /**
     * Places an order. The returned snapshot is the state after matching (an aggressive order may
     * already be filled).
     *
     * @throws OrderRejectedException the order was rejected; it is recorded with an order id
     * @throws GatewayException       {@code not_found} when the account does not exist (nothing recorded)
     */
    public OrderDetail placeOrder(OrderRequest request, String remark) {
        begin();
        try {
            return orders.place(request, remark);
        } finally {
            end();
        }
    }

    /**
     * Replaces quantity and/or prices (null keeps the current value). A price change or a quantity
     * increase loses time priority; the new quantity must stay above the filled quantity.
     */
    public OrderDetail replaceOrder(OrderAmendment amendment) {
        begin();
        try {
            return orders.replace(amendment);
        } finally {
            end();
        }
    }

    /** Cancels an open order. */
    public OrderDetail cancelOrder(String accountId, String orderId) {
        begin();
        try {
            return orders.cancel(accountId, orderId);
        } finally {
            end();
        }
    }

    // ---- queries ----------------------------------------------------------------------------------

    /** One order of an account (any account when {@code accountId} is null). */
    public Optional<OrderDetail> order(String accountId, String orderId) {
        return inCommand(() -> queries.order(accountId, orderId));
    }

    /** Orders placed today (in their market's local date) plus any still open, filtered by {@code query}. */
    public List<OrderDetail> todayOrders(String accountId, OrderQuery query) {
        return inCommand(() -> queries.todayOrders(accountId, query));
    }

    /** All remembered orders of the account matching {@code query} (its from/to bound the creation time). */
    public List<OrderDetail> historyOrders(String accountId, OrderQuery query) {
        return inCommand(() -> queries.historyOrders(accountId, query));
    }

    /** Orders of the account carrying a client order id, oldest first. */
    public List<OrderDetail> ordersByClientOrderId(String accountId, String clientOrderId) {
        return inCommand(() -> queries.ordersByClientOrderId(accountId, clientOrderId));
    }

    /** Today's executions (in each instrument's local date); instrument and order id filters may be null. */
    public List<Execution> todayExecutions(String accountId, InstrumentId instrument, String orderId) {
        return inCommand(() -> queries.todayExecutions(accountId, instrument, orderId));
    }

    /** Executions with {@code from <= time < to} (nulls unbounded), optionally of one instrument. */
    public List<Execution> executions(String accountId, Instant from, Instant to, InstrumentId instrument) {
        return inCommand(() -> queries.executions(accountId, from, to, instrument));
    }

    /**
     * Executions matching an order query's instrument, side, order id and {@code [from, to)} time range
     * (its status filter does not apply to executions).
     */
    public List<Execution> executions(String accountId, OrderQuery query) {
        return inCommand(() -> queries.executions(accountId, query));
    }
}
