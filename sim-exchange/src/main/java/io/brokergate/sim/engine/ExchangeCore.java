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
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.accounts.AccountInfo;
import io.brokergate.sim.accounts.AccountRegistry;
import io.brokergate.sim.accounts.FeeSchedule;
import io.brokergate.sim.accounts.PaperAccount;
import io.brokergate.sim.market.Candle;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.Ladder;
import io.brokergate.sim.market.SimInstrument;
import io.brokergate.sim.market.TradingCalendar;
import io.brokergate.sim.matching.BookOrder;
import io.brokergate.sim.matching.CancelReason;
import io.brokergate.sim.matching.MatchListener;
import io.brokergate.sim.matching.MatchingEngine;
import io.brokergate.sim.matching.OrderBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jboss.logging.Logger;

/**
 * The whole simulated exchange as one synchronous state machine: market generator, matching, accounts,
 * orders, executions and events. Every public method is a complete command: it reads the clock once,
 * expires due orders, does its work and then publishes the quotes and depth it changed.
 *
 * <p><b>Threading:</b> not thread-safe. {@link SimExchange} owns one and calls it only from its engine
 * thread; tests and benchmarks may drive one directly from a single thread. The exceptions are
 * {@link #quote} and {@link #depth}, which read published immutable snapshots and are safe from any
 * thread. Events go synchronously to the {@link SimEventListener} given at construction, which must not
 * call back into the core.
 *
 * <p><b>Prices:</b> BigDecimal at this API, fixed-point {@code long} inside (see {@link FixedPoint}).
 */
public final class ExchangeCore {

    private static final Logger LOG = Logger.getLogger(ExchangeCore.class);

    private final SimConfig config;
    private final SimClock clock;
    private final SimEventListener events;
    private final TradingCalendar calendar;
    private final InstrumentMarket[] markets;
    private final Map<InstrumentId, InstrumentMarket> marketsById = new LinkedHashMap<>();
    private final List<Instrument> instruments;
    private final MatchingEngine matching;
    private final AccountRegistry accounts;
    private final BigDecimal bandFactor;
    private final BigDecimal stopProtection;

    private final Map<String, OrderRecord> ordersById = new HashMap<>();
    private final Map<String, List<OrderRecord>> ordersByAccount = new HashMap<>();
    private final Map<String, List<Execution>> executionsByAccount = new HashMap<>();
    private final PriorityQueue<OrderRecord> expiries = new PriorityQueue<>(
            Comparator.comparingLong((OrderRecord r) -> r.expiresAt).thenComparingLong(r -> r.number));

    private final boolean[] dirty;
    /** Whether each instrument's market was open at the last step: a change republishes its quote (phase). */
    private final boolean[] wasOpen;
    private final AtomicReferenceArray<Quote> latestQuotes;
    private final AtomicReferenceArray<Depth> latestDepths;

    private final long orderIdBase;
    private long orderCount;
    private long executionCount;
    private long nowMillis;
    private Instant now;
    private long lastPruneDay;
    private boolean busy;
    private boolean generatorPaused;

    public ExchangeCore(SimConfig config, SimClock clock, SimEventListener events) {
        this.config = config;
        this.clock = clock;
        this.events = events == null ? new SimEventListener() {
        } : events;
        this.calendar = config.calendar();
        this.bandFactor = config.priceBandFactor();
        this.stopProtection = BigDecimal.ONE.add(config.stopMarketProtection());
        Instant start = clock.now();
        this.nowMillis = start.toEpochMilli();
        this.now = start;
        // Digits only, increasing across restarts as long as fewer than 1000 orders per millisecond are placed.
        this.orderIdBase = nowMillis * 1000;
        int n = config.instruments().size();
        this.markets = new InstrumentMarket[n];
        this.dirty = new boolean[n];
        this.wasOpen = new boolean[n];
        this.latestQuotes = new AtomicReferenceArray<>(n);
        this.latestDepths = new AtomicReferenceArray<>(n);
        this.matching = new MatchingEngine(n, new Fills());
        List<Instrument> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimInstrument si = config.instruments().get(i);
            LocalDate startDate = start.atZone(si.id().market().zone()).toLocalDate();
            InstrumentMarket m = new InstrumentMarket(i, si, config.marketSettings(), calendar, startDate);
            markets[i] = m;
            marketsById.put(si.id(), m);
            list.add(si.instrument());
            if (m.isTradable()) {
                matching.attachLadder(i, m.ladder());
            }
            matching.setLastPrice(i, m.last());
            wasOpen[i] = isOpenAt(m, start);
            dirty[i] = true;
        }
        this.instruments = Collections.unmodifiableList(list);
        this.accounts = new AccountRegistry(config.initialFunding());
        for (String id : config.initialAccounts()) {
            accounts.create(id, null, start);
        }
        this.lastPruneDay = Math.floorDiv(nowMillis, 86_400_000L);
        flush();
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
        nowMillis = clock.millis();
        now = Instant.ofEpochMilli(nowMillis);
        expireDue();
        pruneIfNewDay();
    }

    private void end() {
        try {
            flush();
        } finally {
            busy = false;
        }
    }

    // ---- market -----------------------------------------------------------------------------------

    /** Listed instruments, in configuration order. Immutable. */
    public List<Instrument> instruments() {
        return instruments;
    }

    public Optional<Instrument> instrument(InstrumentId id) {
        InstrumentMarket m = marketsById.get(id);
        return m == null ? Optional.empty() : Optional.of(m.instrument());
    }

    /** Latest level-1 snapshot; safe from any thread. Null for an unknown instrument. */
    public Quote quote(InstrumentId id) {
        InstrumentMarket m = marketsById.get(id);
        return m == null ? null : latestQuotes.get(m.index());
    }

    /** Latest quotes of several instruments, in the order asked; unknown ids are left out. Any thread. */
    public List<Quote> quotes(Collection<InstrumentId> ids) {
        List<Quote> out = new ArrayList<>(ids.size());
        for (InstrumentId id : ids) {
            Quote q = quote(id);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /** Latest depth snapshot (merged client and market liquidity); safe from any thread. Null for an unknown instrument. */
    public Depth depth(InstrumentId id) {
        InstrumentMarket m = marketsById.get(id);
        return m == null ? null : latestDepths.get(m.index());
    }

    /** Whether the instrument's market is in a regular session now (always true when sessions are not enforced). */
    public boolean isOpen(Market market) {
        return !config.enforceSessions() || calendar.isOpen(market, clock.now());
    }

    /** The most recent prints, oldest first. */
    public List<TradeTick> recentTrades(InstrumentId id, int count) {
        begin();
        try {
            return requireMarket(id).recentTrades(count);
        } finally {
            end();
        }
    }

    /** Bars with {@code from <= openTime < to}; nulls mean unbounded. */
    public List<Bar> candles(InstrumentId id, BarPeriod period, Instant from, Instant to) {
        begin();
        try {
            InstrumentMarket m = requireMarket(id);
            return toBars(id, period, m.candles(period, from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                    to == null ? Long.MAX_VALUE : to.toEpochMilli()));
        } finally {
            end();
        }
    }

    /** The latest {@code count} bars opening before {@code before} (null = now, including the bar in progress). */
    public List<Bar> candlesBefore(InstrumentId id, BarPeriod period, Instant before, int count) {
        begin();
        try {
            return toBars(id, period, requireMarket(id).candlesBefore(period,
                    before == null ? Long.MAX_VALUE : before.toEpochMilli(), count));
        } finally {
            end();
        }
    }

    /** The earliest {@code count} bars opening at or after {@code from}. */
    public List<Bar> candlesFrom(InstrumentId id, BarPeriod period, Instant from, int count) {
        begin();
        try {
            return toBars(id, period, requireMarket(id).candlesFrom(period, from.toEpochMilli(), count));
        } finally {
            end();
        }
    }

    private static List<Bar> toBars(InstrumentId id, BarPeriod period, List<Candle> candles) {
        List<Bar> bars = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            bars.add(c.toBar(id, period));
        }
        return bars;
    }

    /** Pauses or resumes the generator as driven by {@link #tick()}; manual {@link #step()}s still run. */
    public void setGeneratorPaused(boolean paused) {
        generatorPaused = paused;
    }

    public boolean isGeneratorPaused() {
        return generatorPaused;
    }

    /** The runtime driver's call: expires due orders and, unless paused, advances the market one step. */
    public void tick() {
        begin();
        try {
            if (!generatorPaused) {
                generate();
            }
        } finally {
            end();
        }
    }

    /** Advances every (open) instrument one generator step at the clock's current time. */
    public void step() {
        begin();
        try {
            generate();
        } finally {
            end();
        }
    }

    private boolean isOpenAt(InstrumentMarket m, Instant at) {
        return !config.enforceSessions() || calendar.isOpen(m.market(), at);
    }

    private void generate() {
        for (InstrumentMarket m : markets) {
            boolean open = isOpenAt(m, now);
            if (open != wasOpen[m.index()]) {
                wasOpen[m.index()] = open;
                dirty[m.index()] = true;
            }
            if (!open) {
                m.rollDay(nowMillis);
                continue;
            }
            m.step(nowMillis);
            settleMove(m);
        }
    }

    /**
     * After the generator (or an admin move) rebuilt an instrument's ladder and produced its prints:
     * resting orders the new ladder crosses fill first (the market traded through them on its way),
     * then the market's own prints go on the tape, so the last price is where the market went; stops
     * are checked against both.
     */
    private void settleMove(InstrumentMarket m) {
        int prints = m.printCount();
        if (m.isTradable()) {
            matching.onMarketMoved(m.index(), prints > 0 ? m.printPrice(0) : 0);
        }
        for (int i = 0; i < prints; i++) {
            recordPrint(m, m.printPrice(i), m.printQuantity(i), m.printAggressor(i));
        }
        if (m.isTradable() && prints > 0) {
            matching.onMarketMoved(m.index(), m.last());
        }
        dirty[m.index()] = true;
    }

    /**
     * Admin: moves an instrument to (the nearest valid price to) {@code price}. The ladder recentres
     * there (best bid at the price, best ask one tick above), crossed resting orders fill at their own
     * prices, one market print at the new price follows and triggers fire.
     *
     * @return the price actually used
     */
    public BigDecimal movePrice(InstrumentId id, BigDecimal price) {
        begin();
        try {
            InstrumentMarket m = requireMarket(id);
            if (price == null || price.signum() <= 0 || price.compareTo(OrderRequest.MAX_PRICE) > 0) {
                throw GatewayException.invalid("price must be positive and at most " + OrderRequest.MAX_PRICE);
            }
            long p = m.moveTo(FixedPoint.toUnits(price, RoundingMode.HALF_UP), nowMillis);
            settleMove(m);
            return FixedPoint.toDecimal(p);
        } finally {
            end();
        }
    }

    private void recordPrint(InstrumentMarket m, long price, long quantity, Side aggressor) {
        m.recordTrade(nowMillis, price, quantity, aggressor);
        if (m.isTradable()) {
            emitTrade(new TradeTick(m.id(), FixedPoint.toDecimal(price), FixedPoint.quantity(quantity), now,
                    aggressor == Side.BUY ? TradeTick.Aggressor.BUYER : TradeTick.Aggressor.SELLER, SessionType.REGULAR));
        }
        dirty[m.index()] = true;
    }

    private InstrumentMarket requireMarket(InstrumentId id) {
        InstrumentMarket m = id == null ? null : marketsById.get(id);
        if (m == null) {
            throw GatewayException.notFound("unknown instrument " + id);
        }
        return m;
    }

    // ---- accounts ---------------------------------------------------------------------------------

    /**
     * Creates a paper account.
     *
     * @param accountId wanted id, or null for a generated one
     * @param funding   cash per currency, or null for the configured default
     */
    public AccountInfo createAccount(String accountId, Map<String, BigDecimal> funding) {
        begin();
        try {
            return accounts.create(accountId, funding, now).info();
        } finally {
            end();
        }
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
        begin();
        try {
            PaperAccount account = accounts.require(accountId);
            for (OrderRecord r : ordersOf(accountId)) {
                if (r.isOpen()) {
                    matching.cancel(r.book);
                    r.change(now, OrderStatus.CANCELLED, r.quantityDecimal, r.displayPrice(), "cancelled: account reset");
                    releaseAll(r);
                    markDirty(r);
                    emitOrder(r, null);
                }
            }
            for (OrderRecord r : ordersOf(accountId)) {
                ordersById.remove(r.orderId);
            }
            ordersByAccount.remove(accountId);
            executionsByAccount.remove(accountId);
            try {
                account.reset(funding);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw GatewayException.invalid("invalid funding: " + e.getMessage());
            }
            return account.info();
        } finally {
            end();
        }
    }

    public List<AccountInfo> accounts() {
        begin();
        try {
            return accounts.list();
        } finally {
            end();
        }
    }

    /** One balance per currency the account holds. */
    public List<Balance> balances(String accountId) {
        begin();
        try {
            return accounts.require(accountId).balances(this::lastPrice, now);
        } finally {
            end();
        }
    }

    /** Non-flat positions. */
    public List<Position> positions(String accountId) {
        begin();
        try {
            return accounts.require(accountId).positions(this::lastPrice);
        } finally {
            end();
        }
    }

    private long lastPrice(InstrumentId id) {
        InstrumentMarket m = marketsById.get(id);
        return m == null ? 0 : m.last();
    }

    /**
     * Largest whole-lot quantity the account's available cash buys at {@code price} (null = the best
     * ask, or the last price when there is none), fees included.
     */
    public BigDecimal maxBuyQuantity(String accountId, InstrumentId id, BigDecimal price) {
        begin();
        try {
            PaperAccount account = accounts.require(accountId);
            InstrumentMarket m = requireMarket(id);
            if (!m.isTradable()) {
                return BigDecimal.ZERO;
            }
            long p;
            if (price != null) {
                if (price.signum() <= 0 || !FixedPoint.isRepresentable(price)) {
                    throw GatewayException.invalid("price must be positive with at most 4 decimals");
                }
                p = FixedPoint.toUnits(price);
            } else {
                p = matching.sweepPrice(m.index(), Side.BUY, m.lotSize());
                p = p > 0 ? p : m.last();
            }
            return FixedPoint.quantity(affordableLots(account.availableCash(m.instrument().currency()), p, m) * m.lotSize());
        } finally {
            end();
        }
    }

    private long affordableLots(long cash, long price, InstrumentMarket m) {
        FeeSchedule fees = config.feesFor(m.market());
        long lot = m.lotSize();
        long hi = Math.min(cash / Math.max(1, Math.multiplyExact(price, lot)), m.config().maxOrderQuantity() / lot);
        long lo = 0;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            long notional = Math.multiplyExact(mid * lot, price);
            if (notional + fees.totalFee(notional) <= cash) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Shares the account may sell now (its holding minus open sells). */
    public BigDecimal maxSellQuantity(String accountId, InstrumentId id) {
        begin();
        try {
            InstrumentMarket m = requireMarket(id);
            return FixedPoint.quantity(accounts.require(accountId).availableQuantity(m.id()));
        } finally {
            end();
        }
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
            PaperAccount account = accounts.require(request.accountId());
            InstrumentMarket m = marketsById.get(request.instrument());
            OrderRecord r = new OrderRecord(orderIdBase + (++orderCount), request.clientOrderId(), remark, account,
                    request.instrument(), m, request.side(), request.type(), request.timeInForce(), request.expireDate(), now);
            r.quantityDecimal = request.quantity();
            r.limitDecimal = request.limitPrice();
            r.stopDecimal = request.stopPrice();
            store(r);
            Rejection rejection = validateNew(r, request);
            if (rejection != null) {
                r.change(now, OrderStatus.REJECTED, r.quantityDecimal, r.displayPrice(), rejection.text);
                emitOrder(r, null);
                throw new OrderRejectedException(rejection.reason, rejection.text, r.snapshot());
            }
            accept(r, m);
            return r.snapshot();
        } finally {
            end();
        }
    }

    private void accept(OrderRecord r, InstrumentMarket m) {
        long bookLimit = r.side == Side.BUY ? r.reservePrice : r.limitPrice;
        BookOrder b = new BookOrder(r.number, m.index(), r.side, r.type, r.timeInForce, r.quantity, bookLimit, r.stopPrice);
        b.attach(r);
        r.book = b;
        if (b.hasTrigger()) {
            r.trigger = TriggerState.WAITING;
        }
        r.change(now, OrderStatus.WORKING, r.quantityDecimal, r.displayPrice(), "accepted");
        syncReservations(r);
        scheduleExpiry(r, m);
        emitOrder(r, null);
        dirty[m.index()] = true;
        matching.submit(b);
    }

    /**
     * Replaces quantity and/or prices (null keeps the current value). A price change or a quantity
     * increase loses time priority; the new quantity must stay above the filled quantity.
     */
    public OrderDetail replaceOrder(OrderAmendment amendment) {
        begin();
        try {
            OrderRecord r = findOpen(amendment.accountId(), amendment.orderId());
            InstrumentMarket m = r.market;
            BigDecimal qtyDecimal = amendment.quantity() != null ? amendment.quantity() : r.quantityDecimal;
            BigDecimal limitDecimal = amendment.limitPrice() != null ? amendment.limitPrice() : r.limitDecimal;
            BigDecimal stopDecimal = amendment.stopPrice() != null ? amendment.stopPrice() : r.stopDecimal;
            if (amendment.limitPrice() != null && !r.type.needsLimitPrice()) {
                throw refuse(RejectReason.AMENDMENT_NOT_ALLOWED, r.type + " orders have no limit price", r);
            }
            if (amendment.stopPrice() != null && (!r.type.needsStopPrice() || r.trigger == TriggerState.TRIGGERED)) {
                throw refuse(RejectReason.AMENDMENT_NOT_ALLOWED,
                        r.trigger == TriggerState.TRIGGERED ? "the order has already triggered" : r.type + " orders have no trigger price", r);
            }
            Rejection q = checkQuantity(m, qtyDecimal);
            if (q != null) {
                throw refuse(q.reason, q.text, r);
            }
            long newQty = FixedPoint.quantityUnits(qtyDecimal);
            if (newQty <= r.filled) {
                throw refuse(RejectReason.QUANTITY_BELOW_FILLED, "quantity " + qtyDecimal.toPlainString()
                        + " must stay above the filled quantity " + r.filled, r);
            }
            Rejection p = checkPrice(m, "limit price", limitDecimal);
            if (p == null) {
                p = checkPrice(m, "trigger price", stopDecimal);
            }
            if (p != null) {
                throw refuse(p.reason, p.text, r);
            }
            long newLimit = limitDecimal == null ? 0 : FixedPoint.toUnits(limitDecimal);
            long newStop = stopDecimal == null ? 0 : FixedPoint.toUnits(stopDecimal);
            if (newQty == r.quantity && newLimit == r.limitPrice && newStop == r.stopPrice) {
                return r.snapshot(); // nothing to change
            }
            long newReservePrice = r.side == Side.BUY ? reservePrice(r, m, newLimit, newStop) : 0;
            if (r.side == Side.SELL && !config.allowShortSelling()) {
                long extra = newQty - r.quantity;
                if (extra > 0 && r.account.availableQuantity(r.instrument) < extra) {
                    throw refuse(RejectReason.INSUFFICIENT_POSITION, "not enough shares for the larger quantity", r);
                }
            }
            if (r.side == Side.BUY) {
                long needed = cashReservation(r, newQty, newReservePrice) - r.reservedCash;
                if (needed > r.account.availableCash(r.currency)) {
                    throw refuse(RejectReason.INSUFFICIENT_CASH, "not enough " + r.currency + " for the replaced order", r);
                }
            }
            r.quantity = newQty;
            r.limitPrice = newLimit;
            r.stopPrice = newStop;
            r.reservePrice = newReservePrice;
            r.quantityDecimal = qtyDecimal;
            r.limitDecimal = limitDecimal;
            r.stopDecimal = stopDecimal;
            r.change(now, r.status, qtyDecimal, r.displayPrice(), "replaced");
            syncReservations(r);
            emitOrder(r, null);
            markDirty(r);
            matching.amend(r.book, newQty, r.side == Side.BUY ? newReservePrice : newLimit, newStop);
            return r.snapshot();
        } finally {
            end();
        }
    }

    /** Cancels an open order. */
    public OrderDetail cancelOrder(String accountId, String orderId) {
        begin();
        try {
            OrderRecord r = findOpen(accountId, orderId);
            matching.cancel(r.book);
            r.change(now, OrderStatus.CANCELLED, r.quantityDecimal, r.displayPrice(), "cancelled by client");
            releaseAll(r);
            markDirty(r);
            emitOrder(r, null);
            return r.snapshot();
        } finally {
            end();
        }
    }

    private OrderRecord findOpen(String accountId, String orderId) {
        OrderRecord r = ordersById.get(orderId);
        if (r == null || (accountId != null && !r.account.id().equals(accountId))) {
            throw new OrderRejectedException(RejectReason.ORDER_NOT_FOUND, "order " + orderId + " does not exist", null);
        }
        if (!r.isOpen()) {
            throw refuse(RejectReason.ORDER_NOT_OPEN, "order " + orderId + " is " + r.status.wireName(), r);
        }
        return r;
    }

    private static OrderRejectedException refuse(RejectReason reason, String text, OrderRecord r) {
        return new OrderRejectedException(reason, text, r.snapshot());
    }

    // ---- validation -------------------------------------------------------------------------------

    private static final class Rejection {
        final RejectReason reason;
        final String text;

        Rejection(RejectReason reason, String text) {
            this.reason = reason;
            this.text = text;
        }
    }

    private Rejection validateNew(OrderRecord r, OrderRequest request) {
        InstrumentMarket m = r.market;
        if (m == null) {
            return new Rejection(RejectReason.UNKNOWN_SYMBOL, "unknown symbol " + request.instrument());
        }
        if (!m.isTradable()) {
            return new Rejection(RejectReason.NOT_TRADABLE, m.id() + " is not tradable");
        }
        if (!BookOrder.isSupported(r.type)) {
            return new Rejection(RejectReason.UNSUPPORTED_ORDER_TYPE, "order type " + r.type.name().toLowerCase() + " is not supported");
        }
        if (r.timeInForce == TimeInForce.GOOD_TILL_DATE && r.expireDate.isBefore(localDate(m))) {
            return new Rejection(RejectReason.INVALID_EXPIRE_DATE, "expire date " + r.expireDate + " is in the past");
        }
        if (config.enforceSessions() && !calendar.isOpen(m.market(), now)) {
            return new Rejection(RejectReason.MARKET_CLOSED, "market " + m.market() + " is closed");
        }
        Rejection q = checkQuantity(m, request.quantity());
        if (q != null) {
            return q;
        }
        Rejection p = checkPrice(m, "limit price", request.limitPrice());
        if (p == null) {
            p = checkPrice(m, "trigger price", request.stopPrice());
        }
        if (p != null) {
            return p;
        }
        r.quantity = FixedPoint.quantityUnits(request.quantity());
        r.limitPrice = request.limitPrice() == null ? 0 : FixedPoint.toUnits(request.limitPrice());
        r.stopPrice = request.stopPrice() == null ? 0 : FixedPoint.toUnits(request.stopPrice());
        if (r.side == Side.SELL) {
            if (!config.allowShortSelling() && r.account.availableQuantity(r.instrument) < r.quantity) {
                return new Rejection(RejectReason.INSUFFICIENT_POSITION, "available " + r.account.availableQuantity(r.instrument)
                        + " shares of " + m.id() + ", order needs " + r.quantity);
            }
            return null;
        }
        r.reservePrice = reservePrice(r, m, r.limitPrice, r.stopPrice);
        long needed;
        try {
            needed = cashReservation(r, r.quantity, r.reservePrice);
        } catch (ArithmeticException e) {
            return new Rejection(RejectReason.QUANTITY_OUT_OF_BOUNDS, "order value is too large");
        }
        long available = r.account.availableCash(r.currency);
        if (needed > available) {
            return new Rejection(RejectReason.INSUFFICIENT_CASH, "order needs " + FixedPoint.toDecimal(needed).toPlainString() + " "
                    + r.currency + ", available " + FixedPoint.toDecimal(available).toPlainString());
        }
        return null;
    }

    private static Rejection checkQuantity(InstrumentMarket m, BigDecimal quantity) {
        long lot = m.lotSize();
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0
                || quantity.remainder(BigDecimal.valueOf(lot)).signum() != 0) {
            return new Rejection(RejectReason.WRONG_LOT_SIZE, "quantity " + quantity.toPlainString()
                    + " is not a whole number of lots of " + lot);
        }
        if (quantity.compareTo(BigDecimal.valueOf(m.config().maxOrderQuantity())) > 0) {
            return new Rejection(RejectReason.QUANTITY_OUT_OF_BOUNDS, "quantity " + quantity.toPlainString()
                    + " exceeds the maximum of " + m.config().maxOrderQuantity());
        }
        return null;
    }

    private Rejection checkPrice(InstrumentMarket m, String what, BigDecimal price) {
        if (price == null) {
            return null;
        }
        if (!FixedPoint.isRepresentable(price) || !m.ticks().isOnTick(FixedPoint.toUnits(price))) {
            return new Rejection(RejectReason.WRONG_TICK_SIZE, what + " " + price.toPlainString() + " is not a multiple of the tick "
                    + m.instrument().ticks().tickAt(price).toPlainString());
        }
        BigDecimal last = FixedPoint.toDecimal(m.last());
        BigDecimal low = last.divide(bandFactor, FixedPoint.SCALE, RoundingMode.UP);
        BigDecimal high = last.multiply(bandFactor);
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            return new Rejection(RejectReason.PRICE_OUT_OF_BOUNDS, what + " " + price.toPlainString() + " is outside "
                    + low.stripTrailingZeros().toPlainString() + " to " + high.stripTrailingZeros().toPlainString());
        }
        return null;
    }

    /**
     * The worst price a buy may pay, used both to freeze cash and as the book's limit: the limit for
     * limit-like orders; for a market buy the price of the deepest level it needs now; for stop-market
     * and market-if-touched buys the trigger plus the configured protection.
     */
    private long reservePrice(OrderRecord r, InstrumentMarket m, long limit, long stop) {
        switch (r.type) {
            case MARKET: {
                long sweep = matching.sweepPrice(m.index(), Side.BUY, r.quantity - r.filled);
                return sweep > 0 ? sweep : m.ticks().roundUp(m.last());
            }
            case STOP:
            case MARKET_IF_TOUCHED: {
                long protectedPrice = new BigDecimal(stop).multiply(stopProtection).setScale(0, RoundingMode.CEILING).longValueExact();
                return m.ticks().roundUp(protectedPrice);
            }
            default:
                return limit;
        }
    }

    /** Cash an open buy must hold frozen: its rest at the reserve price plus the fees it may still incur. */
    private long cashReservation(OrderRecord r, long quantity, long reservePrice) {
        long rest = Math.multiplyExact(quantity - r.filled, reservePrice);
        FeeSchedule fees = config.feesFor(r.market.market());
        return rest + Math.max(0, fees.totalFee(Math.addExact(r.filledNotional, rest)) - r.fees);
    }

    /** Brings the account's frozen cash / reserved shares in line with the order's current state. */
    private void syncReservations(OrderRecord r) {
        if (r.side == Side.BUY) {
            long wanted = r.isOpen() ? cashReservation(r, r.quantity, r.reservePrice) : 0;
            r.account.changeFrozenCash(r.currency, wanted - r.reservedCash);
            r.reservedCash = wanted;
        } else {
            long wanted = r.isOpen() ? r.remaining() : 0;
            r.account.changeReservedQuantity(r.instrument, r.currency, wanted - r.reservedQuantity);
            r.reservedQuantity = wanted;
        }
    }

    private void releaseAll(OrderRecord r) {
        syncReservations(r);
    }

    private LocalDate localDate(InstrumentMarket m) {
        return now.atZone(m.zone()).toLocalDate();
    }

    // ---- expiry -----------------------------------------------------------------------------------

    private void scheduleExpiry(OrderRecord r, InstrumentMarket m) {
        LocalDate day;
        switch (r.timeInForce) {
            case DAY:
                day = localDate(m);
                break;
            case GOOD_TILL_DATE:
                day = r.expireDate;
                break;
            default:
                return;
        }
        Instant at = config.enforceSessions() ? calendar.closeOf(m.market(), day) : TradingCalendar.startOfNextDay(m.zone(), day);
        r.expiresAt = at.toEpochMilli();
        expiries.add(r);
    }

    private void expireDue() {
        while (!expiries.isEmpty() && expiries.peek().expiresAt <= nowMillis) {
            OrderRecord r = expiries.poll();
            if (!r.isOpen()) {
                continue;
            }
            matching.cancel(r.book);
            r.change(now, OrderStatus.EXPIRED, r.quantityDecimal, r.displayPrice(), "expired at the end of its "
                    + (r.timeInForce == TimeInForce.DAY ? "trading day" : "expire date"));
            releaseAll(r);
            markDirty(r);
            emitOrder(r, null);
        }
    }

    // ---- queries ----------------------------------------------------------------------------------

    /** One order of an account (any account when {@code accountId} is null). */
    public Optional<OrderDetail> order(String accountId, String orderId) {
        begin();
        try {
            OrderRecord r = ordersById.get(orderId);
            if (r == null || (accountId != null && !r.account.id().equals(accountId))) {
                return Optional.empty();
            }
            return Optional.of(r.snapshot());
        } finally {
            end();
        }
    }

    /** Orders placed today (in their market's local date) plus any still open, filtered by {@code query}. */
    public List<OrderDetail> todayOrders(String accountId, OrderQuery query) {
        begin();
        try {
            accounts.require(accountId);
            List<OrderDetail> out = new ArrayList<>();
            for (OrderRecord r : ordersOf(accountId)) {
                if ((r.isOpen() || isToday(r)) && matches(query, r)) {
                    out.add(r.snapshot());
                }
            }
            return out;
        } finally {
            end();
        }
    }

    /** All remembered orders of the account matching {@code query} (its from/to bound the creation time). */
    public List<OrderDetail> historyOrders(String accountId, OrderQuery query) {
        begin();
        try {
            accounts.require(accountId);
            List<OrderDetail> out = new ArrayList<>();
            for (OrderRecord r : ordersOf(accountId)) {
                if (matches(query, r)) {
                    out.add(r.snapshot());
                }
            }
            return out;
        } finally {
            end();
        }
    }

    /** Orders of the account carrying a client order id, oldest first. */
    public List<OrderDetail> ordersByClientOrderId(String accountId, String clientOrderId) {
        begin();
        try {
            accounts.require(accountId);
            List<OrderDetail> out = new ArrayList<>();
            for (OrderRecord r : ordersOf(accountId)) {
                if (clientOrderId != null && clientOrderId.equals(r.clientOrderId)) {
                    out.add(r.snapshot());
                }
            }
            return out;
        } finally {
            end();
        }
    }

    private static boolean matches(OrderQuery query, OrderRecord r) {
        return query == null || query.matches(r.toOrder());
    }

    private boolean isToday(OrderRecord r) {
        java.time.ZoneId zone = r.instrument.market().zone();
        return r.createdAt.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    }

    /** Today's executions (in each instrument's local date); instrument and order id filters may be null. */
    public List<Execution> todayExecutions(String accountId, InstrumentId instrument, String orderId) {
        begin();
        try {
            accounts.require(accountId);
            List<Execution> out = new ArrayList<>();
            for (Execution e : executionsByAccount.getOrDefault(accountId, List.of())) {
                java.time.ZoneId zone = e.instrument().market().zone();
                boolean today = e.time().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
                if (today && (instrument == null || instrument.equals(e.instrument()))
                        && (orderId == null || orderId.equals(e.orderId()))) {
                    out.add(e);
                }
            }
            return out;
        } finally {
            end();
        }
    }

    /** Executions with {@code from <= time < to} (nulls unbounded), optionally of one instrument. */
    public List<Execution> executions(String accountId, Instant from, Instant to, InstrumentId instrument) {
        begin();
        try {
            accounts.require(accountId);
            List<Execution> out = new ArrayList<>();
            for (Execution e : executionsByAccount.getOrDefault(accountId, List.of())) {
                if ((from == null || !e.time().isBefore(from)) && (to == null || e.time().isBefore(to))
                        && (instrument == null || instrument.equals(e.instrument()))) {
                    out.add(e);
                }
            }
            return out;
        } finally {
            end();
        }
    }

    /**
     * Executions matching an order query's instrument, side, order id and {@code [from, to)} time range
     * (its status filter does not apply to executions).
     */
    public List<Execution> executions(String accountId, OrderQuery query) {
        begin();
        try {
            accounts.require(accountId);
            List<Execution> out = new ArrayList<>();
            for (Execution e : executionsByAccount.getOrDefault(accountId, List.of())) {
                if (query == null || ((query.instrument() == null || query.instrument().equals(e.instrument()))
                        && (query.side() == null || query.side() == e.side())
                        && (query.orderId() == null || query.orderId().equals(e.orderId()))
                        && (query.from() == null || !e.time().isBefore(query.from()))
                        && (query.to() == null || e.time().isBefore(query.to())))) {
                    out.add(e);
                }
            }
            return out;
        } finally {
            end();
        }
    }

    private List<OrderRecord> ordersOf(String accountId) {
        return ordersByAccount.getOrDefault(accountId, List.of());
    }

    private void store(OrderRecord r) {
        ordersById.put(r.orderId, r);
        ordersByAccount.computeIfAbsent(r.account.id(), k -> new ArrayList<>()).add(r);
    }

    private void pruneIfNewDay() {
        long day = Math.floorDiv(nowMillis, 86_400_000L);
        if (day == lastPruneDay) {
            return;
        }
        lastPruneDay = day;
        Instant cutoff = now.minus(config.historyRetention());
        for (List<OrderRecord> list : ordersByAccount.values()) {
            for (Iterator<OrderRecord> it = list.iterator(); it.hasNext(); ) {
                OrderRecord r = it.next();
                if (!r.isOpen() && r.updatedAt.isBefore(cutoff)) {
                    it.remove();
                    ordersById.remove(r.orderId);
                }
            }
        }
        for (List<Execution> list : executionsByAccount.values()) {
            list.removeIf(e -> e.time().isBefore(cutoff));
        }
    }

    // ---- fills from the matching engine ----------------------------------------------------------

    /** Turns matching events into account bookings, executions and pushes. */
    private final class Fills implements MatchListener {

        @Override
        public void onFill(BookOrder order, long price, long quantity, boolean maker) {
            OrderRecord r = (OrderRecord) order.attachment();
            long notional = Math.multiplyExact(price, quantity);
            long totalFee = config.feesFor(r.market.market()).totalFee(r.filledNotional + notional);
            long fee = totalFee - r.fees;
            r.account.applyFill(r.instrument, r.currency, r.side, price, quantity, fee);
            r.filled += quantity;
            r.filledNotional += notional;
            r.fees = totalFee;
            r.lastFillQuantity = quantity;
            r.lastFillPrice = price;
            OrderStatus status = r.filled == r.quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            r.change(now, status, FixedPoint.quantity(quantity), FixedPoint.toDecimal(price), maker ? "filled (maker)" : "filled");
            syncReservations(r);
            Execution e = new Execution(Long.toString(orderIdBase + (++executionCount)), r.orderId, r.account.id(),
                    r.instrument, r.side, FixedPoint.quantity(quantity), FixedPoint.toDecimal(price),
                    FixedPoint.toDecimal(fee), now);
            executionsByAccount.computeIfAbsent(r.account.id(), k -> new ArrayList<>()).add(e);
            emitExecution(e);
            emitOrder(r, e);
        }

        @Override
        public void onTrade(int instrument, long price, long quantity, Side aggressor) {
            recordPrint(markets[instrument], price, quantity, aggressor);
        }

        @Override
        public void onTriggered(BookOrder order) {
            OrderRecord r = (OrderRecord) order.attachment();
            r.trigger = TriggerState.TRIGGERED;
            r.triggeredAt = now;
            r.change(now, r.status, r.quantityDecimal, r.stopDecimal, "triggered");
            emitOrder(r, null);
        }

        @Override
        public void onRemainderCancelled(BookOrder order, CancelReason reason) {
            OrderRecord r = (OrderRecord) order.attachment();
            String text;
            switch (reason) {
                case NO_LIQUIDITY:
                    text = "cancelled: no more liquidity within the order's price protection";
                    break;
                case FILL_OR_KILL:
                    text = "cancelled: fill-or-kill quantity not available";
                    break;
                default:
                    text = "cancelled: immediate-or-cancel remainder";
                    break;
            }
            r.change(now, OrderStatus.CANCELLED, r.quantityDecimal, r.displayPrice(), text);
            syncReservations(r);
            emitOrder(r, null);
        }
    }

    private void markDirty(OrderRecord r) {
        if (r.market != null) {
            dirty[r.market.index()] = true;
        }
    }

    // ---- publishing ------------------------------------------------------------------------------

    /** Publishes a fresh quote and depth for every instrument changed by the current command. */
    private void flush() {
        for (int i = 0; i < markets.length; i++) {
            if (!dirty[i]) {
                continue;
            }
            dirty[i] = false;
            InstrumentMarket m = markets[i];
            Depth depth = buildDepth(m);
            Quote quote = buildQuote(m, depth);
            latestDepths.set(i, depth);
            latestQuotes.set(i, quote);
            emitQuote(quote);
            if (m.isTradable()) {
                emitDepth(depth);
            }
        }
    }

    private Quote buildQuote(InstrumentMarket m, Depth depth) {
        DepthLevel bid = depth.bids().isEmpty() ? null : depth.bids().get(0);
        DepthLevel ask = depth.asks().isEmpty() ? null : depth.asks().get(0);
        TradingPhase phase = isOpenAt(m, now) ? TradingPhase.NORMAL : TradingPhase.CLOSED;
        return new Quote(m.id(), FixedPoint.toDecimal(m.last()), priceOrNull(m.dayOpen()), priceOrNull(m.dayHigh()),
                priceOrNull(m.dayLow()), priceOrNull(m.prevClose()), bid == null ? null : bid.price(),
                bid == null ? null : bid.quantity(), ask == null ? null : ask.price(), ask == null ? null : ask.quantity(),
                m.dayVolume(), FixedPoint.toDecimal(m.dayTurnover()), phase, now);
    }

    private static BigDecimal priceOrNull(long units) {
        return units == 0 ? null : FixedPoint.toDecimal(units);
    }

    private Depth buildDepth(InstrumentMarket m) {
        if (!m.isTradable()) {
            return new Depth(m.id(), List.of(), List.of(), now);
        }
        OrderBook book = matching.book(m.index());
        return new Depth(m.id(), mergeSide(m.ladder(), book, Side.BUY), mergeSide(m.ladder(), book, Side.SELL), now);
    }

    /** Merges the ladder and the client book of one side, best first, summing equal prices. */
    private List<DepthLevel> mergeSide(Ladder ladder, OrderBook book, Side side) {
        int limit = config.depthLevels();
        List<DepthLevel> out = new ArrayList<>(limit);
        boolean bids = side == Side.BUY;
        int li = 0;
        int bi = 0;
        int ln = ladder.levels(side);
        int bn = book.levels(side);
        while (out.size() < limit) {
            while (li < ln && ladder.size(side, li) == 0) {
                li++;
            }
            boolean haveLadder = li < ln;
            boolean haveBook = bi < bn;
            if (!haveLadder && !haveBook) {
                break;
            }
            long lp = haveLadder ? ladder.price(side, li) : 0;
            long bp = haveBook ? book.price(side, bi) : 0;
            long price;
            if (!haveBook) {
                price = lp;
            } else if (!haveLadder) {
                price = bp;
            } else {
                price = bids ? Math.max(lp, bp) : Math.min(lp, bp);
            }
            long quantity = 0;
            int orders = 0;
            if (haveLadder && lp == price) {
                quantity += ladder.size(side, li);
                orders += ladder.orders(side, li);
                li++;
            }
            if (haveBook && bp == price) {
                quantity += book.quantity(side, bi);
                orders += book.orders(side, bi);
                bi++;
            }
            out.add(new DepthLevel(FixedPoint.toDecimal(price), FixedPoint.quantity(quantity), orders));
        }
        return out;
    }

    private void emitOrder(OrderRecord r, Execution fill) {
        OrderDetail snapshot = r.snapshot();
        try {
            events.onOrderUpdate(snapshot, fill);
        } catch (RuntimeException e) {
            LOG.warnf(e, "order listener failed for order %s", r.orderId);
        }
    }

    private void emitExecution(Execution e) {
        try {
            events.onExecution(e);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "execution listener failed for order %s", e.orderId());
        }
    }

    private void emitTrade(TradeTick t) {
        try {
            events.onTrade(t);
        } catch (RuntimeException e) {
            LOG.warnf(e, "trade listener failed for %s", t.instrument());
        }
    }

    private void emitQuote(Quote q) {
        try {
            events.onQuote(q);
        } catch (RuntimeException e) {
            LOG.warnf(e, "quote listener failed for %s", q.instrument());
        }
    }

    private void emitDepth(Depth d) {
        try {
            events.onDepth(d);
        } catch (RuntimeException e) {
            LOG.warnf(e, "depth listener failed for %s", d.instrument());
        }
    }
}
