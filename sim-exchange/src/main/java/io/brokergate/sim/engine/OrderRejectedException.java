package io.brokergate.sim.engine;

import io.brokergate.core.error.GatewayException;

/**
 * The exchange refused a request. For a rejected <em>new</em> order, {@link #order()} is the recorded
 * order in status {@code rejected} (it has an exchange order id and shows up in order queries); for a
 * refused replace or cancel it is the order as it still is, or null when there is no such order.
 */
public final class OrderRejectedException extends GatewayException {

    private final RejectReason reason;
    private final transient OrderDetail order;

    public OrderRejectedException(RejectReason reason, String detail, OrderDetail order) {
        super(reason.errorCode(), detail, null, reason.code(), null);
        this.reason = reason;
        this.order = order;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The order concerned, or null. */
    public OrderDetail order() {
        return order;
    }
}
