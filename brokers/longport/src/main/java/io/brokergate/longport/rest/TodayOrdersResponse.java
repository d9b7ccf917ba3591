package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/trade/order/today}. */
public record TodayOrdersResponse(@JsonProperty("orders") List<OrderJson> orders) {
    public TodayOrdersResponse {
        orders = JsonValues.orEmpty(orders);
    }
}
