package io.brokergate.sim.matching;

import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;

/**
 * An order as the matching engine sees it: mutable primitives only, linked intrusively into its price
 * level so the matching loop allocates nothing. Prices are fixed-point units
 * ({@link io.brokergate.sim.market.FixedPoint}), quantities whole shares.
 *
 * <p>{@link #limitPrice()} is the worst price the order accepts. For market-like orders (market,
 * stop, market-if-touched) it is a protection price: a buy cap ({@link Long#MAX_VALUE} for none) or
 * a sell floor (0 for none).
 *
 * <p>Owned by the single thread that drives the {@link MatchingEngine}; never shared.
 */
public final class BookOrder {

    /** Where the order is in its life inside the matching engine. */
    public enum State { NEW, WAITING_FOR_TRIGGER, RESTING, DONE }

    private final long id;
    private final int instrument;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    long quantity;
    long filled;
    long limitPrice;
    long stopPrice;
    boolean triggered;
    State state = State.NEW;
    private Object attachment;

    // Intrusive links, maintained by OrderBook.
    PriceLevel level;
    BookOrder prev;
    BookOrder next;
    long sequence;

    /**
     * @param limitPrice limit for limit-like types, protection price for market-like types
     * @param stopPrice  trigger for stop and if-touched types, otherwise 0
     */
    public BookOrder(long id, int instrument, Side side, OrderType type, TimeInForce timeInForce, long quantity,
            long limitPrice, long stopPrice) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (!isSupported(type)) {
            throw new IllegalArgumentException("the matching engine does not support " + type);
        }
        if (needsTrigger(type) && stopPrice <= 0) {
            throw new IllegalArgumentException(type + " needs a trigger price");
        }
        this.id = id;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce == null ? TimeInForce.DAY : timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
    }

    /** A plain limit order, for callers that only need a book (benchmarks). */
    public static BookOrder limit(long id, int instrument, Side side, long quantity, long price) {
        return new BookOrder(id, instrument, side, OrderType.LIMIT, TimeInForce.DAY, quantity, price, 0);
    }

    /** A market order without protection. */
    public static BookOrder market(long id, int instrument, Side side, long quantity) {
        return new BookOrder(id, instrument, side, OrderType.MARKET, TimeInForce.DAY, quantity,
                side == Side.BUY ? Long.MAX_VALUE : 0, 0);
    }

    public static boolean isSupported(OrderType type) {
        switch (type) {
            case MARKET:
            case LIMIT:
            case STOP:
            case STOP_LIMIT:
            case MARKET_IF_TOUCHED:
            case LIMIT_IF_TOUCHED:
            case ENHANCED_LIMIT:
                return true;
            default:
                return false;
        }
    }

    static boolean needsTrigger(OrderType type) {
        return type == OrderType.STOP || type == OrderType.STOP_LIMIT
                || type == OrderType.MARKET_IF_TOUCHED || type == OrderType.LIMIT_IF_TOUCHED;
    }

    public long id() {
        return id;
    }

    public int instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public long quantity() {
        return quantity;
    }

    public long filled() {
        return filled;
    }

    public long remaining() {
        return quantity - filled;
    }

    public long limitPrice() {
        return limitPrice;
    }

    public long stopPrice() {
        return stopPrice;
    }

    public boolean isTriggered() {
        return triggered;
    }

    public State state() {
        return state;
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    /** Whether the order has a trigger (stop or if-touched), triggered or not. */
    public boolean hasTrigger() {
        return needsTrigger(type);
    }

    /** Market-like orders never rest: what they cannot fill at once is cancelled. */
    public boolean isMarketLike() {
        return type == OrderType.MARKET || type == OrderType.STOP || type == OrderType.MARKET_IF_TOUCHED;
    }

    /**
     * Direction of the trigger: stops fire when the price rises to (buy) or falls to (sell) the stop;
     * if-touched orders fire the other way round.
     */
    public boolean triggersOnRise() {
        boolean stopType = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        return stopType == (side == Side.BUY);
    }

    /** Whether a trade at {@code price} would fill this order's limit (or protection). */
    public boolean accepts(long price) {
        return side == Side.BUY ? price <= limitPrice : price >= limitPrice;
    }

    /** Opaque reference for the order's owner (the exchange's order record); the engine never reads it. */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object owner) {
        this.attachment = owner;
    }

    @Override
    public String toString() {
        return "BookOrder{" + id + " " + side + " " + type + " " + filled + "/" + quantity + " @" + limitPrice
                + (stopPrice > 0 ? " stop " + stopPrice : "") + " " + state + "}";
    }
}
