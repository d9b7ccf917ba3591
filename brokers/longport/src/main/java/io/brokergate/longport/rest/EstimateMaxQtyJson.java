package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** data of {@code GET /v1/trade/estimate/buy_limit}; an empty string means 0. */
public record EstimateMaxQtyJson(
        @JsonProperty("cash_max_qty") String cashMaxQty,
        @JsonProperty("margin_max_qty") String marginMaxQty) {
    public EstimateMaxQtyJson {
        cashMaxQty = JsonValues.orEmpty(cashMaxQty);
        marginMaxQty = JsonValues.orEmpty(marginMaxQty);
    }
}
