package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/** One fill of {@code /v1/trade/execution/today|history}; trade_done_at is Unix seconds. */
public record ExecutionJson(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("trade_id") String tradeId,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("trade_done_at") String tradeDoneAt,
        @JsonProperty("quantity") String quantity,
        @JsonProperty("price") String price) {

    public ExecutionJson {
        orderId = orEmpty(orderId);
        tradeId = orEmpty(tradeId);
        symbol = orEmpty(symbol);
        tradeDoneAt = orEmpty(tradeDoneAt);
        quantity = orEmpty(quantity);
        price = orEmpty(price);
    }
}
