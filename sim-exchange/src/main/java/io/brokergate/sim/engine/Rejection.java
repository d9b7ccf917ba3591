package io.brokergate.sim.engine;

/** Why a request for an order cannot be carried out, before it is turned into an exception. */
record Rejection(RejectReason reason, String text) {

    /** The exception for this rejection, carrying the order as it is now. */
    OrderRejectedException against(OrderRecord r) {
        return new OrderRejectedException(reason, text, r.snapshot());
    }
}
