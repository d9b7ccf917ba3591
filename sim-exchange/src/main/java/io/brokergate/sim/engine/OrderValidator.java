package io.brokergate.sim.engine;

import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.matching.BookOrder;
import io.brokergate.sim.matching.MatchingEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exchange's rules for new and amended orders: listing and session, lot and tick sizes, the
 * price band, and whether the account can cover the order. Each check answers with a
 * {@link Rejection}, or null when the order passes. Engine thread only.
 */
final class OrderValidator {

    private final SimConfig config;
    private final SessionRules sessions;
    private final MatchingEngine matching;
    private final OrderReservations reservations;
    private final CommandTime time;
    private final BigDecimal bandFactor;
    private final BigDecimal stopProtection;

    OrderValidator(SimConfig config, SessionRules sessions, MatchingEngine matching, OrderReservations reservations,
            CommandTime time) {
        this.config = config;
        this.sessions = sessions;
        this.matching = matching;
        this.reservations = reservations;
        this.time = time;
        this.bandFactor = config.priceBandFactor();
        this.stopProtection = BigDecimal.ONE.add(config.stopMarketProtection());
    }

    /**
     * Checks a new order. Once its terms pass, the record gets its engine units (quantity, prices and
     * a buy's reserve price), which the holdings check and acceptance work with.
     */
    Rejection checkNew(OrderRecord r, OrderRequest request) {
        Rejection rejection = checkListing(r, request);
        if (rejection == null) {
            rejection = checkQuantity(r.market, request.quantity());
        }
        if (rejection == null) {
            rejection = checkPrices(r.market, request.limitPrice(), request.stopPrice());
        }
        if (rejection != null) {
            return rejection;
        }
        r.quantity = FixedPoint.quantityUnits(request.quantity());
        r.limitPrice = request.limitPrice() == null ? 0 : FixedPoint.toUnits(request.limitPrice());
        r.stopPrice = request.stopPrice() == null ? 0 : FixedPoint.toUnits(request.stopPrice());
        return r.side == Side.SELL ? checkPosition(r) : checkCash(r);
    }

    private Rejection checkListing(OrderRecord r, OrderRequest request) {
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
        if (r.timeInForce == TimeInForce.GOOD_TILL_DATE && r.expireDate.isBefore(time.localDate(m.zone()))) {
            return new Rejection(RejectReason.INVALID_EXPIRE_DATE, "expire date " + r.expireDate + " is in the past");
        }
        if (!sessions.isOpen(m.market(), time.now())) {
            return new Rejection(RejectReason.MARKET_CLOSED, "market " + m.market() + " is closed");
        }
        return null;
    }

    private Rejection checkPosition(OrderRecord r) {
        if (!config.allowShortSelling() && r.account.availableQuantity(r.instrument) < r.quantity) {
            return new Rejection(RejectReason.INSUFFICIENT_POSITION, "available " + r.account.availableQuantity(r.instrument)
                    + " shares of " + r.market.id() + ", order needs " + r.quantity);
        }
        return null;
    }

    private Rejection checkCash(OrderRecord r) {
        r.reservePrice = reservePrice(r, r.market, r.limitPrice, r.stopPrice);
        long needed;
        try {
            needed = reservations.cashFor(r, r.quantity, r.reservePrice);
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

    /**
     * Checks the terms of a replace: what it changes must exist on the order, and the resulting
     * quantity and prices must be valid, the quantity above what is already filled.
     */
    Rejection checkAmendment(OrderRecord r, OrderAmendment a, BigDecimal quantity, BigDecimal limit, BigDecimal stop) {
        if (a.limitPrice() != null && !r.type.needsLimitPrice()) {
            return new Rejection(RejectReason.AMENDMENT_NOT_ALLOWED, r.type + " orders have no limit price");
        }
        if (a.stopPrice() != null && (!r.type.needsStopPrice() || r.trigger == TriggerState.TRIGGERED)) {
            return new Rejection(RejectReason.AMENDMENT_NOT_ALLOWED,
                    r.trigger == TriggerState.TRIGGERED ? "the order has already triggered" : r.type + " orders have no trigger price");
        }
        Rejection q = checkQuantity(r.market, quantity);
        if (q != null) {
            return q;
        }
        if (FixedPoint.quantityUnits(quantity) <= r.filled) {
            return new Rejection(RejectReason.QUANTITY_BELOW_FILLED, "quantity " + quantity.toPlainString()
                    + " must stay above the filled quantity " + r.filled);
        }
        return checkPrices(r.market, limit, stop);
    }

    /** Checks that the account covers a replace: the shares of a larger sell, the cash of a buy's new reservation. */
    Rejection checkAmendedHoldings(OrderRecord r, long newQuantity, long newReservePrice) {
        if (r.side == Side.SELL && !config.allowShortSelling()) {
            long extra = newQuantity - r.quantity;
            if (extra > 0 && r.account.availableQuantity(r.instrument) < extra) {
                return new Rejection(RejectReason.INSUFFICIENT_POSITION, "not enough shares for the larger quantity");
            }
        }
        if (r.side == Side.BUY) {
            long needed = reservations.cashFor(r, newQuantity, newReservePrice) - r.reservedCash;
            if (needed > r.account.availableCash(r.currency)) {
                return new Rejection(RejectReason.INSUFFICIENT_CASH, "not enough " + r.currency + " for the replaced order");
            }
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

    /** The limit price, then the trigger price; either may be null (the order type has none). */
    private Rejection checkPrices(InstrumentMarket m, BigDecimal limit, BigDecimal stop) {
        Rejection p = checkPrice(m, "limit price", limit);
        return p != null ? p : checkPrice(m, "trigger price", stop);
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
    long reservePrice(OrderRecord r, InstrumentMarket m, long limit, long stop) {
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
}
