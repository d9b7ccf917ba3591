package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * data of {@code POST /v1/trade/order}. order_id is a JSON string: the docs show a number but
 * the SDK decodes a string. Reading also accepts a number (Jackson coerces it).
 */
public record SubmitOrderResponse(@JsonProperty("order_id") String orderId) {
}
