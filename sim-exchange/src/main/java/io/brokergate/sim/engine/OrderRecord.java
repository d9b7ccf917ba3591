package io.brokergate.sim.engine;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.sim.accounts.PaperAccount;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.matching.BookOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange's mutable record of one order: what the client asked for, what happened to it and what
 * it holds frozen. Engine-thread only; the outside world sees {@link #snapshot()}s.
 */
final class OrderRecord {

    final long number;
    final String orderId;
    final String clientOrderId;
    final String remark;
    final PaperAccount account;
    final InstrumentId instrument;
    /** Null when the symbol is unknown (the order was rejected). */
    final InstrumentMarket market;
    final String currency;
    final Side side;
    final OrderType type;
    final TimeInForce timeInForce;
    final LocalDate expireDate;
    final Instant createdAt;

    // As the client sees them; exact decimals so that a rejected order shows what was sent.
    BigDecimal quantityDecimal;
    BigDecimal limitDecimal;
    BigDecimal stopDecimal;

    // Engine units, valid once the order passed validation.
    long quantity;
    long limitPrice;
    long stopPrice;
    /** Price at which a buy's cash is frozen: its limit, or the protection price of market-like buys. */
    long reservePrice;
    BookOrder book;

    long filled;
    long filledNotional;
    long fees;
    long lastFillQuantity;
    long lastFillPrice;
    long reservedCash;
    long reservedQuantity;
    /** Epoch millis at which a Day or GTD order expires; {@code Long.MAX_VALUE} for none. */
    long expiresAt = Long.MAX_VALUE;

    OrderStatus status = OrderStatus.PENDING_NEW;
    String message;
    Instant updatedAt;
    TriggerState trigger = TriggerState.NONE;
    Instant triggeredAt;
    final List<OrderHistoryEntry> history = new ArrayList<>(4);

    OrderRecord(long number, String clientOrderId, String remark, PaperAccount account, InstrumentId instrument,
            InstrumentMarket market, Side side, OrderType type, TimeInForce timeInForce, LocalDate expireDate,
            Instant createdAt) {
        this.number = number;
        this.orderId = Long.toString(number);
        this.clientOrderId = clientOrderId;
        this.remark = remark;
        this.account = account;
        this.instrument = instrument;
        this.market = market;
        this.currency = market != null ? market.instrument().currency() : instrument.market().currency();
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.expireDate = expireDate;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    boolean isOpen() {
        return status.isOpen();
    }

    long remaining() {
        return quantity - filled;
    }

    /** Moves to a status and writes the history line. */
    void change(Instant at, OrderStatus newStatus, BigDecimal entryQuantity, BigDecimal entryPrice, String text) {
        status = newStatus;
        message = text;
        updatedAt = at;
        history.add(new OrderHistoryEntry(at, newStatus, entryQuantity, entryPrice, text));
    }

    /** The order's own price for history lines: limit, else trigger, else null. */
    BigDecimal displayPrice() {
        return limitDecimal != null ? limitDecimal : stopDecimal;
    }

    Order toOrder() {
        BigDecimal average = filled == 0 ? null
                : FixedPoint.toDecimal(BigDecimal.valueOf(filledNotional)
                        .divide(BigDecimal.valueOf(filled), 0, RoundingMode.HALF_UP).longValueExact());
        return new Order(orderId, clientOrderId, account.id(), instrument, side, type, timeInForce, quantityDecimal,
                limitDecimal, stopDecimal, expireDate, FixedPoint.quantity(filled), average, status, message, createdAt,
                updatedAt);
    }

    OrderDetail snapshot() {
        return new OrderDetail(toOrder(), remark, currency, trigger, triggeredAt,
                lastFillQuantity == 0 ? null : FixedPoint.quantity(lastFillQuantity),
                lastFillQuantity == 0 ? null : FixedPoint.toDecimal(lastFillPrice),
                FixedPoint.toDecimal(fees), history);
    }
}
