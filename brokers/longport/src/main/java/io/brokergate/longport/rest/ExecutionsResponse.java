package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/trade/execution/today}. */
public record ExecutionsResponse(@JsonProperty("trades") List<ExecutionJson> trades) {
    public ExecutionsResponse {
        trades = JsonValues.orEmpty(trades);
    }
}
