package io.brokergate.quote.api;

import java.util.List;

/** {@code GET /v1/trades}: the latest prints, oldest first. */
public record TradesView(String symbol, List<TradeView> trades) {
}
