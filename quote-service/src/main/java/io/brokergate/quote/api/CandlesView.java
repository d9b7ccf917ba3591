package io.brokergate.quote.api;

import java.util.List;

/** {@code GET /v1/candles}: bars oldest first. */
public record CandlesView(String symbol, String resolution, List<BarView> bars) {
}
