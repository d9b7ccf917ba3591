package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/**
 * {@code data} of the trade push (longport.md §4). The SDK requires every key, so null strings
 * become "". Note submitted_quantity/submitted_price: a docs example says quantity/price, which
 * the SDK rejects. executed_price "0" means no fill; timestamps are Unix-second strings.
 */
@JsonPropertyOrder({"side", "stock_name", "submitted_quantity", "symbol", "order_type", "submitted_price",
        "executed_quantity", "executed_price", "order_id", "currency", "status", "submitted_at", "updated_at",
        "trigger_price", "msg", "tag", "trigger_status", "trigger_at", "trailing_amount", "trailing_percent",
        "limit_offset", "account_no", "last_share", "last_price", "remark"})
public record OrderChangedJson(
        @JsonProperty("side") String side,
        @JsonProperty("stock_name") String stockName,
        @JsonProperty("submitted_quantity") String submittedQuantity,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("order_type") String orderType,
        @JsonProperty("submitted_price") String submittedPrice,
        @JsonProperty("executed_quantity") String executedQuantity,
        @JsonProperty("executed_price") String executedPrice,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("currency") String currency,
        @JsonProperty("status") String status,
        @JsonProperty("submitted_at") String submittedAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("trigger_price") String triggerPrice,
        @JsonProperty("msg") String msg,
        @JsonProperty("tag") String tag,
        @JsonProperty("trigger_status") String triggerStatus,
        @JsonProperty("trigger_at") String triggerAt,
        @JsonProperty("trailing_amount") String trailingAmount,
        @JsonProperty("trailing_percent") String trailingPercent,
        @JsonProperty("limit_offset") String limitOffset,
        @JsonProperty("account_no") String accountNo,
        @JsonProperty("last_share") String lastShare,
        @JsonProperty("last_price") String lastPrice,
        @JsonProperty("remark") String remark) {

    public OrderChangedJson {
        side = orEmpty(side);
        stockName = orEmpty(stockName);
        submittedQuantity = orEmpty(submittedQuantity);
        symbol = orEmpty(symbol);
        orderType = orEmpty(orderType);
        submittedPrice = orEmpty(submittedPrice);
        executedQuantity = orEmpty(executedQuantity);
        executedPrice = orEmpty(executedPrice);
        orderId = orEmpty(orderId);
        currency = orEmpty(currency);
        status = orEmpty(status);
        submittedAt = orEmpty(submittedAt);
        updatedAt = orEmpty(updatedAt);
        triggerPrice = orEmpty(triggerPrice);
        msg = orEmpty(msg);
        tag = orEmpty(tag);
        triggerStatus = orEmpty(triggerStatus);
        triggerAt = orEmpty(triggerAt);
        trailingAmount = orEmpty(trailingAmount);
        trailingPercent = orEmpty(trailingPercent);
        limitOffset = orEmpty(limitOffset);
        accountNo = orEmpty(accountNo);
        lastShare = orEmpty(lastShare);
        lastPrice = orEmpty(lastPrice);
        remark = orEmpty(remark);
    }
}
