package io.brokergate.quote.api;

import java.util.List;

/** {@code GET /v1/quotes}: quotes in the order the symbols were asked. */
public record QuotesView(List<QuoteView> quotes) {
}
