package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/**
 * One order of {@code /v1/trade/order/today} and {@code /history} (longport.md §1.6). The SDK
 * requires every key, so null strings become "" here. Decimals and Unix-second timestamps are
 * strings; {@code limit_depth_level} and {@code trigger_count} are JSON ints. Conventions for
 * "none": price/last_done/trigger_price/expire_date "", executed_price "0", updated_at and
 * trigger_at "0", trigger_status NOT_USED, outside_rth UnknownOutsideRth, limit_depth_level 0.
 * A server must fill {@code submitted_at} with a real timestamp.
 */
@JsonPropertyOrder({"order_id", "status", "stock_name", "quantity", "executed_quantity", "price",
        "executed_price", "submitted_at", "side", "symbol", "order_type", "last_done", "trigger_price", "msg",
        "tag", "time_in_force", "expire_date", "updated_at", "trigger_at", "trailing_amount",
        "trailing_percent", "limit_offset", "trigger_status", "currency", "outside_rth", "limit_depth_level",
        "trigger_count", "monitor_price", "remark"})
public record OrderJson(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("status") String status,
        @JsonProperty("stock_name") String stockName,
        @JsonProperty("quantity") String quantity,
        @JsonProperty("executed_quantity") String executedQuantity,
        @JsonProperty("price") String price,
        @JsonProperty("executed_price") String executedPrice,
        @JsonProperty("submitted_at") String submittedAt,
        @JsonProperty("side") String side,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("order_type") String orderType,
        @JsonProperty("last_done") String lastDone,
        @JsonProperty("trigger_price") String triggerPrice,
        @JsonProperty("msg") String msg,
        @JsonProperty("tag") String tag,
        @JsonProperty("time_in_force") String timeInForce,
        @JsonProperty("expire_date") String expireDate,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("trigger_at") String triggerAt,
        @JsonProperty("trailing_amount") String trailingAmount,
        @JsonProperty("trailing_percent") String trailingPercent,
        @JsonProperty("limit_offset") String limitOffset,
        @JsonProperty("trigger_status") String triggerStatus,
        @JsonProperty("currency") String currency,
        @JsonProperty("outside_rth") String outsideRth,
        @JsonProperty("limit_depth_level") int limitDepthLevel,
        @JsonProperty("trigger_count") int triggerCount,
        @JsonProperty("monitor_price") String monitorPrice,
        @JsonProperty("remark") String remark) {

    public OrderJson {
        orderId = orEmpty(orderId);
        status = orEmpty(status);
        stockName = orEmpty(stockName);
        quantity = orEmpty(quantity);
        executedQuantity = orEmpty(executedQuantity);
        price = orEmpty(price);
        executedPrice = orEmpty(executedPrice);
        submittedAt = orEmpty(submittedAt);
        side = orEmpty(side);
        symbol = orEmpty(symbol);
        orderType = orEmpty(orderType);
        lastDone = orEmpty(lastDone);
        triggerPrice = orEmpty(triggerPrice);
        msg = orEmpty(msg);
        tag = orEmpty(tag);
        timeInForce = orEmpty(timeInForce);
        expireDate = orEmpty(expireDate);
        updatedAt = orEmpty(updatedAt);
        triggerAt = orEmpty(triggerAt);
        trailingAmount = orEmpty(trailingAmount);
        trailingPercent = orEmpty(trailingPercent);
        limitOffset = orEmpty(limitOffset);
        triggerStatus = orEmpty(triggerStatus);
        currency = orEmpty(currency);
        outsideRth = orEmpty(outsideRth);
        monitorPrice = orEmpty(monitorPrice);
        remark = orEmpty(remark);
    }
}
