package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/asset/stock}. */
public record StockPositionsResponse(@JsonProperty("list") List<StockPositionChannelJson> list) {
    public StockPositionsResponse {
        list = JsonValues.orEmpty(list);
    }
}
