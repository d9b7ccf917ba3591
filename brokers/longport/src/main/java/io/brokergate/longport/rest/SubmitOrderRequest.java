package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Body of {@code POST /v1/trade/order} (longport.md §1.5). Like the SDK, unset optional keys are
 * left out, except {@code expire_date}, which is always written ({@code null} when absent).
 * Key order follows the SDK so that a body built here is byte-identical to the SDK's.
 * Decimals are strings; limit_depth_level (-5..5) and trigger_count (0..3) are JSON ints.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"symbol", "order_type", "side", "submitted_quantity", "time_in_force", "submitted_price",
        "trigger_price", "limit_offset", "trailing_amount", "trailing_percent", "expire_date", "outside_rth",
        "remark", "limit_depth_level", "trigger_count", "monitor_price"})
public record SubmitOrderRequest(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("order_type") String orderType,
        @JsonProperty("side") String side,
        @JsonProperty("submitted_quantity") String submittedQuantity,
        @JsonProperty("time_in_force") String timeInForce,
        @JsonProperty("submitted_price") String submittedPrice,
        @JsonProperty("trigger_price") String triggerPrice,
        @JsonProperty("limit_offset") String limitOffset,
        @JsonProperty("trailing_amount") String trailingAmount,
        @JsonProperty("trailing_percent") String trailingPercent,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("expire_date") String expireDate,
        @JsonProperty("outside_rth") String outsideRth,
        @JsonProperty("remark") String remark,
        @JsonProperty("limit_depth_level") Integer limitDepthLevel,
        @JsonProperty("trigger_count") Integer triggerCount,
        @JsonProperty("monitor_price") String monitorPrice) {

    /** Starts a request with the five required fields. */
    public static Builder builder(String symbol, OrderType orderType, OrderSide side, String quantity,
                                  TimeInForce timeInForce) {
        return new Builder(symbol, orderType.wire(), side.wire(), quantity, timeInForce.wire());
    }

    public static final class Builder {
        private final String symbol;
        private final String orderType;
        private final String side;
        private final String submittedQuantity;
        private final String timeInForce;
        private String submittedPrice;
        private String triggerPrice;
        private String limitOffset;
        private String trailingAmount;
        private String trailingPercent;
        private String expireDate;
        private String outsideRth;
        private String remark;
        private Integer limitDepthLevel;
        private Integer triggerCount;
        private String monitorPrice;

        private Builder(String symbol, String orderType, String side, String quantity, String timeInForce) {
            this.symbol = symbol;
            this.orderType = orderType;
            this.side = side;
            this.submittedQuantity = quantity;
            this.timeInForce = timeInForce;
        }

        public Builder submittedPrice(String v) {
            submittedPrice = v;
            return this;
        }

        public Builder triggerPrice(String v) {
            triggerPrice = v;
            return this;
        }

        public Builder limitOffset(String v) {
            limitOffset = v;
            return this;
        }

        public Builder trailingAmount(String v) {
            trailingAmount = v;
            return this;
        }

        public Builder trailingPercent(String v) {
            trailingPercent = v;
            return this;
        }

        /** YYYY-MM-DD; required for GTD. */
        public Builder expireDate(String v) {
            expireDate = v;
            return this;
        }

        public Builder outsideRth(OutsideRTH v) {
            outsideRth = v == null ? null : v.wire();
            return this;
        }

        /** At most 255 characters. */
        public Builder remark(String v) {
            remark = v;
            return this;
        }

        public Builder limitDepthLevel(Integer v) {
            limitDepthLevel = v;
            return this;
        }

        public Builder triggerCount(Integer v) {
            triggerCount = v;
            return this;
        }

        public Builder monitorPrice(String v) {
            monitorPrice = v;
            return this;
        }

        public SubmitOrderRequest build() {
            return new SubmitOrderRequest(symbol, orderType, side, submittedQuantity, timeInForce, submittedPrice,
                    triggerPrice, limitOffset, trailingAmount, trailingPercent, expireDate, outsideRth, remark,
                    limitDepthLevel, triggerCount, monitorPrice);
        }
    }
}
