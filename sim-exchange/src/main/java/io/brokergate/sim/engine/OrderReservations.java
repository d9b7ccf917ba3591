package io.brokergate.sim.engine;

import io.brokergate.core.order.Side;
import io.brokergate.sim.accounts.FeeSchedule;

/**
 * What an open order holds in its account: a buy freezes cash, a sell reserves shares, so that the
 * account cannot commit the same money or holding twice. Engine thread only.
 */
final class OrderReservations {

    private final SimConfig config;

    OrderReservations(SimConfig config) {
        this.config = config;
    }

    /** Cash an open buy must hold frozen: its rest at the reserve price plus the fees it may still incur. */
    long cashFor(OrderRecord r, long quantity, long reservePrice) {
        long rest = Math.multiplyExact(quantity - r.filled, reservePrice);
        FeeSchedule fees = config.feesFor(r.market.market());
        return rest + Math.max(0, fees.totalFee(Math.addExact(r.filledNotional, rest)) - r.fees);
    }

    /** Brings the account's frozen cash or reserved shares in line with the order's current state. */
    void sync(OrderRecord r) {
        if (r.side == Side.BUY) {
            long wanted = r.isOpen() ? cashFor(r, r.quantity, r.reservePrice) : 0;
            r.account.changeFrozenCash(r.currency, wanted - r.reservedCash);
            r.reservedCash = wanted;
        } else {
            long wanted = r.isOpen() ? r.remaining() : 0;
            r.account.changeReservedQuantity(r.instrument, r.currency, wanted - r.reservedQuantity);
            r.reservedQuantity = wanted;
        }
    }
}
