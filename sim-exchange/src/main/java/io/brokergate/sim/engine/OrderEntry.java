package io.brokergate.sim.engine;

import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.sim.accounts.AccountRegistry;
import io.brokergate.sim.accounts.PaperAccount;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.matching.MatchingEngine;
import java.math.BigDecimal;

/**
 * The client's order commands: place (validate, then reject or accept), replace and cancel.
 * Engine thread only.
 */
final class OrderEntry {

    private final AccountRegistry accounts;
    private final Listing listing;
    private final OrderStore store;
    private final OrderValidator validator;
    private final OrderLifecycle lifecycle;
    private final OrderReservations reservations;
    private final MatchingEngine matching;
    private final ChangedInstruments changed;
    private final SimEventListener events;
    private final CommandTime time;
    private final long idBase;
    private long placed;

    /** @param idBase added to the running count of orders to make order ids */
    OrderEntry(AccountRegistry accounts, Listing listing, OrderStore store, OrderValidator validator,
            OrderLifecycle lifecycle, OrderReservations reservations, MatchingEngine matching,
            ChangedInstruments changed, SimEventListener events, CommandTime time, long idBase) {
        this.accounts = accounts;
        this.listing = listing;
        this.store = store;
        this.validator = validator;
        this.lifecycle = lifecycle;
        this.reservations = reservations;
        this.matching = matching;
        this.changed = changed;
        this.events = events;
        this.time = time;
        this.idBase = idBase;
    }

    /**
     * Places an order; the snapshot is its state after matching. A rejected order is recorded too, so
     * that it can be queried like any other.
     */
    OrderDetail place(OrderRequest request, String remark) {
        PaperAccount account = accounts.require(request.accountId());
        InstrumentMarket m = listing.find(request.instrument());
        OrderRecord r = new OrderRecord(idBase + (++placed), request.clientOrderId(), remark, account,
                request.instrument(), m, request.side(), request.type(), request.timeInForce(), request.expireDate(),
                time.now());
        r.quantityDecimal = request.quantity();
        r.limitDecimal = request.limitPrice();
        r.stopDecimal = request.stopPrice();
        store.add(r);
        Rejection rejection = validator.checkNew(r, request);
        if (rejection != null) {
            r.change(time.now(), OrderStatus.REJECTED, r.quantityDecimal, r.displayPrice(), rejection.text());
            events.onOrderUpdate(r.snapshot(), null);
            throw rejection.against(r);
        }
        lifecycle.accept(r, m);
        return r.snapshot();
    }

    /** Replaces quantity and/or prices (null keeps the current value); see {@link ExchangeCore#replaceOrder}. */
    OrderDetail replace(OrderAmendment a) {
        OrderRecord r = findOpen(a.accountId(), a.orderId());
        BigDecimal quantity = a.quantity() != null ? a.quantity() : r.quantityDecimal;
        BigDecimal limit = a.limitPrice() != null ? a.limitPrice() : r.limitDecimal;
        BigDecimal stop = a.stopPrice() != null ? a.stopPrice() : r.stopDecimal;
        refuseIf(validator.checkAmendment(r, a, quantity, limit, stop), r);
        long newQuantity = FixedPoint.quantityUnits(quantity);
        long newLimit = limit == null ? 0 : FixedPoint.toUnits(limit);
        long newStop = stop == null ? 0 : FixedPoint.toUnits(stop);
        if (newQuantity == r.quantity && newLimit == r.limitPrice && newStop == r.stopPrice) {
            return r.snapshot(); // nothing to change
        }
        long newReservePrice = r.side == Side.BUY ? validator.reservePrice(r, r.market, newLimit, newStop) : 0;
        refuseIf(validator.checkAmendedHoldings(r, newQuantity, newReservePrice), r);
        r.quantity = newQuantity;
        r.limitPrice = newLimit;
        r.stopPrice = newStop;
        r.reservePrice = newReservePrice;
        r.quantityDecimal = quantity;
        r.limitDecimal = limit;
        r.stopDecimal = stop;
        r.change(time.now(), r.status, quantity, r.displayPrice(), "replaced");
        reservations.sync(r);
        events.onOrderUpdate(r.snapshot(), null);
        changed.mark(r);
        matching.amend(r.book, newQuantity, r.side == Side.BUY ? newReservePrice : newLimit, newStop);
        return r.snapshot();
    }

    OrderDetail cancel(String accountId, String orderId) {
        OrderRecord r = findOpen(accountId, orderId);
        lifecycle.close(r, OrderStatus.CANCELLED, "cancelled by client");
        return r.snapshot();
    }

    /** The open order, of the account unless {@code accountId} is null; refused otherwise. */
    private OrderRecord findOpen(String accountId, String orderId) {
        OrderRecord r = store.find(orderId);
        if (r == null || (accountId != null && !r.account.id().equals(accountId))) {
            throw new OrderRejectedException(RejectReason.ORDER_NOT_FOUND, "order " + orderId + " does not exist", null);
        }
        if (!r.isOpen()) {
            throw new Rejection(RejectReason.ORDER_NOT_OPEN, "order " + orderId + " is " + r.status.wireName()).against(r);
        }
        return r;
    }

    private static void refuseIf(Rejection rejection, OrderRecord r) {
        if (rejection != null) {
            throw rejection.against(r);
        }
    }
}
