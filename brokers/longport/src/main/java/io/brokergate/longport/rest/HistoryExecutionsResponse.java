package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/trade/execution/history}; today's fills are excluded. */
public record HistoryExecutionsResponse(
        @JsonProperty("has_more") boolean hasMore,
        @JsonProperty("trades") List<ExecutionJson> trades) {
    public HistoryExecutionsResponse {
        trades = JsonValues.orEmpty(trades);
    }
}
