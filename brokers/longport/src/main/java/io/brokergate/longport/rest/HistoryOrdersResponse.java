package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/trade/order/history} (at most 1000 orders per call). */
public record HistoryOrdersResponse(
        @JsonProperty("has_more") boolean hasMore,
        @JsonProperty("orders") List<OrderJson> orders) {
    public HistoryOrdersResponse {
        orders = JsonValues.orEmpty(orders);
    }
}
