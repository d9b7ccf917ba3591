package io.brokergate.sim.engine;

import io.brokergate.core.order.Execution;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.matching.BookOrder;
import io.brokergate.sim.matching.CancelReason;
import io.brokergate.sim.matching.MatchListener;

/**
 * Turns what the matching engine reports into the exchange's books: fills into fees, account
 * bookings, executions and order updates; client prints onto the tape; fired triggers and cancelled
 * remainders into order state. Engine thread only.
 */
final class FillAccounting implements MatchListener {

    private final SimConfig config;
    private final Listing listing;
    private final OrderReservations reservations;
    private final OrderStore store;
    private final PrintRecorder prints;
    private final SimEventListener events;
    private final CommandTime time;
    private final long idBase;
    private long executed;

    /** @param idBase added to the running count of executions to make execution ids */
    FillAccounting(SimConfig config, Listing listing, OrderReservations reservations, OrderStore store,
            PrintRecorder prints, SimEventListener events, CommandTime time, long idBase) {
        this.config = config;
        this.listing = listing;
        this.reservations = reservations;
        this.store = store;
        this.prints = prints;
        this.events = events;
        this.time = time;
        this.idBase = idBase;
    }

    @Override
    public void onFill(BookOrder order, long price, long quantity, boolean maker) {
        OrderRecord r = (OrderRecord) order.attachment();
        long fee = book(r, price, quantity);
        OrderStatus status = r.filled == r.quantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        r.change(time.now(), status, FixedPoint.quantity(quantity), FixedPoint.toDecimal(price), maker ? "filled (maker)" : "filled");
        reservations.sync(r);
        Execution e = new Execution(Long.toString(idBase + (++executed)), r.orderId, r.account.id(),
                r.instrument, r.side, FixedPoint.quantity(quantity), FixedPoint.toDecimal(price),
                FixedPoint.toDecimal(fee), time.now());
        store.addExecution(r.account.id(), e);
        events.onExecution(e);
        events.onOrderUpdate(r.snapshot(), e);
    }

    /**
     * Books a fill into the account and the order; returns its fee. Fees are charged on the order's
     * cumulative notional, so that a minimum or per-order fee is paid once, not once per fill.
     */
    private long book(OrderRecord r, long price, long quantity) {
        long notional = Math.multiplyExact(price, quantity);
        long totalFee = config.feesFor(r.market.market()).totalFee(r.filledNotional + notional);
        long fee = totalFee - r.fees;
        r.account.applyFill(r.instrument, r.currency, r.side, price, quantity, fee);
        r.filled += quantity;
        r.filledNotional += notional;
        r.fees = totalFee;
        r.lastFillQuantity = quantity;
        r.lastFillPrice = price;
        return fee;
    }

    @Override
    public void onTrade(int instrument, long price, long quantity, Side aggressor) {
        prints.record(listing.at(instrument), price, quantity, aggressor);
    }

    @Override
    public void onTriggered(BookOrder order) {
        OrderRecord r = (OrderRecord) order.attachment();
        r.trigger = TriggerState.TRIGGERED;
        r.triggeredAt = time.now();
        r.change(time.now(), r.status, r.quantityDecimal, r.stopDecimal, "triggered");
        events.onOrderUpdate(r.snapshot(), null);
    }

    @Override
    public void onRemainderCancelled(BookOrder order, CancelReason reason) {
        OrderRecord r = (OrderRecord) order.attachment();
        String text = switch (reason) {
            case NO_LIQUIDITY -> "cancelled: no more liquidity within the order's price protection";
            case FILL_OR_KILL -> "cancelled: fill-or-kill quantity not available";
            default -> "cancelled: immediate-or-cancel remainder";
        };
        r.change(time.now(), OrderStatus.CANCELLED, r.quantityDecimal, r.displayPrice(), text);
        reservations.sync(r);
        events.onOrderUpdate(r.snapshot(), null);
    }
}
