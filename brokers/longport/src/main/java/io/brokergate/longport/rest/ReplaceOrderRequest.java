package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Body of {@code PUT /v1/trade/order} (longport.md §1.5); data of the reply is {@code {}}.
 * order_id and quantity are required; unset optional keys are left out. remark: at most 64 chars.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"order_id", "quantity", "price", "trigger_price", "limit_offset", "trailing_amount",
        "trailing_percent", "limit_depth_level", "trigger_count", "monitor_price", "remark"})
public record ReplaceOrderRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("quantity") String quantity,
        @JsonProperty("price") String price,
        @JsonProperty("trigger_price") String triggerPrice,
        @JsonProperty("limit_offset") String limitOffset,
        @JsonProperty("trailing_amount") String trailingAmount,
        @JsonProperty("trailing_percent") String trailingPercent,
        @JsonProperty("limit_depth_level") Integer limitDepthLevel,
        @JsonProperty("trigger_count") Integer triggerCount,
        @JsonProperty("monitor_price") String monitorPrice,
        @JsonProperty("remark") String remark) {

    /** The common case: new quantity and limit price only. */
    public static ReplaceOrderRequest of(String orderId, String quantity, String price) {
        return new ReplaceOrderRequest(orderId, quantity, price, null, null, null, null, null, null, null, null);
    }
}
