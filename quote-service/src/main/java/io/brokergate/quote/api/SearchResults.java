package io.brokergate.quote.api;

import java.util.List;

/** {@code GET /v1/instruments}: matches, best first (exact symbol, symbol prefix, then name). */
public record SearchResults(List<SearchHit> instruments) {
}
