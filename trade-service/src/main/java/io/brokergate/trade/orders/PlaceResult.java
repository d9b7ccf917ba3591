package io.brokergate.trade.orders;

import io.brokergate.core.order.Order;

/**
 * The answer to a place request. {@code order} is null when the outcome is unknown (the broker
 * timed out): the request is then {@code pending_new} until a lookup by client order id settles it.
 *
 * @param replayed true when this key was seen before and the first result is returned again
 */
public record PlaceResult(String clientOrderId, String fingerprint, Order order, boolean outcomeUnknown, boolean replayed) {

    PlaceResult asReplay() {
        return new PlaceResult(clientOrderId, fingerprint, order, outcomeUnknown, true);
    }
}
