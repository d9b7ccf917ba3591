package io.brokergate.core.order;

/** The broker accepted a place request and assigned {@code orderId}. */
public record OrderAck(String orderId, String clientOrderId) {
}
