package io.brokergate.quote.api;

import io.brokergate.core.market.Depth;
import java.time.Instant;
import java.util.List;

/** {@code GET /v1/depth}: bids best (highest) first, asks best (lowest) first. */
public record DepthView(String symbol, List<LevelView> bids, List<LevelView> asks, Instant timestamp) {

    public static DepthView of(Depth d) {
        return new DepthView(d.instrument().symbol(), d.bids().stream().map(LevelView::of).toList(),
                d.asks().stream().map(LevelView::of).toList(), d.timestamp());
    }
}
