package io.brokergate.longport.mapping;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.Side;
import io.brokergate.longport.rest.ExecutionJson;
import io.brokergate.longport.rest.OrderChangedJson;
import io.brokergate.longport.rest.OrderJson;
import io.brokergate.longport.rest.OrderSide;
import io.brokergate.longport.rest.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * LongPort order JSON (REST orders and trade pushes) → core {@link Order}. Returns null for a
 * record whose symbol or side this code cannot read, so one odd order never fails a whole list.
 */
public final class Orders {

    private Orders() {
    }

    public static Order fromJson(OrderJson o, String accountId) {
        InstrumentId id = Symbols.parseOrNull(o.symbol());
        Side side = Sides.toCore(OrderSide.fromWire(o.side()));
        if (id == null || side == null || o.orderId().isEmpty()) {
            return null;
        }
        BigDecimal filled = Decimals.parseOrZero(o.executedQuantity());
        BigDecimal limit = Decimals.parsePositive(o.price());
        Instant created = Decimals.epochSeconds(o.submittedAt());
        Instant updated = Decimals.epochSeconds(o.updatedAt());
        return new Order(o.orderId(), blankToNull(o.remark()), accountId, id, side,
                OrderTypes.toCore(io.brokergate.longport.rest.OrderType.fromWire(o.orderType()), limit != null),
                TimesInForce.toCore(TimeInForce.fromWire(o.timeInForce())),
                Decimals.parseOrZero(o.quantity()), limit, Decimals.parsePositive(o.triggerPrice()),
                Decimals.date(o.expireDate()), filled, Decimals.parsePositive(o.executedPrice()),
                OrderStatuses.toCore(io.brokergate.longport.rest.OrderStatus.fromWire(o.status()), filled),
                blankToNull(o.msg()), created, updated != null ? updated : created);
    }

    /**
     * A trade push lacks time in force and expiry date: they stay null here and are filled from
     * the last known state by whoever tracks the order.
     */
    public static Order fromPush(OrderChangedJson o, String accountId) {
        InstrumentId id = Symbols.parseOrNull(o.symbol());
        Side side = Sides.toCore(OrderSide.fromWire(o.side()));
        if (id == null || side == null || o.orderId().isEmpty()) {
            return null;
        }
        BigDecimal filled = Decimals.parseOrZero(o.executedQuantity());
        BigDecimal limit = Decimals.parsePositive(o.submittedPrice());
        Instant created = Decimals.epochSeconds(o.submittedAt());
        Instant updated = Decimals.epochSeconds(o.updatedAt());
        return new Order(o.orderId(), blankToNull(o.remark()), accountId, id, side,
                OrderTypes.toCore(io.brokergate.longport.rest.OrderType.fromWire(o.orderType()), limit != null),
                null, Decimals.parseOrZero(o.submittedQuantity()), limit, Decimals.parsePositive(o.triggerPrice()),
                null, filled, Decimals.parsePositive(o.executedPrice()),
                OrderStatuses.toCore(io.brokergate.longport.rest.OrderStatus.fromWire(o.status()), filled),
                blankToNull(o.msg()), created, updated != null ? updated : created);
    }

    /** @param side from the order, when known; LongPort's execution records do not carry it */
    public static Execution fromJson(ExecutionJson e, String accountId, Side side) {
        InstrumentId id = Symbols.parseOrNull(e.symbol());
        if (id == null || e.tradeId().isEmpty()) {
            return null;
        }
        return new Execution(e.tradeId(), e.orderId(), accountId, id, side, Decimals.parseOrZero(e.quantity()),
                Decimals.parse(e.price()), null, Decimals.epochSeconds(e.tradeDoneAt()));
    }

    /** Whether listeners would see a difference: status, quantities or prices (not timestamps). */
    public static boolean sameState(Order a, Order b) {
        return a.status() == b.status()
                && eq(a.quantity(), b.quantity())
                && eq(a.filledQuantity(), b.filledQuantity())
                && eq(a.averageFillPrice(), b.averageFillPrice())
                && eq(a.limitPrice(), b.limitPrice())
                && eq(a.stopPrice(), b.stopPrice());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
