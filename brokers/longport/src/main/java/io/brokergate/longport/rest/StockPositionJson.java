package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/** One holding in {@code GET /v1/asset/stock}; market is HK/US/CN/SG, init_quantity may be "". */
public record StockPositionJson(
        @JsonProperty("symbol") String symbol,
        @JsonProperty("symbol_name") String symbolName,
        @JsonProperty("quantity") String quantity,
        @JsonProperty("available_quantity") String availableQuantity,
        @JsonProperty("currency") String currency,
        @JsonProperty("cost_price") String costPrice,
        @JsonProperty("market") String market,
        @JsonProperty("init_quantity") String initQuantity) {

    public StockPositionJson {
        symbol = orEmpty(symbol);
        symbolName = orEmpty(symbolName);
        quantity = orEmpty(quantity);
        availableQuantity = orEmpty(availableQuantity);
        currency = orEmpty(currency);
        costPrice = orEmpty(costPrice);
        market = orEmpty(market);
        initQuantity = orEmpty(initQuantity);
    }
}
