package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Holdings of one account channel: {@code {account_channel, stock_info:[...]}}. */
public record StockPositionChannelJson(
        @JsonProperty("account_channel") String accountChannel,
        @JsonProperty("stock_info") List<StockPositionJson> stockInfo) {
    public StockPositionChannelJson {
        accountChannel = JsonValues.orEmpty(accountChannel);
        stockInfo = JsonValues.orEmpty(stockInfo);
    }
}
