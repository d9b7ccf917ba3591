package io.brokergate.core.market;

import io.brokergate.core.instrument.InstrumentId;
import java.time.Instant;
import java.util.List;

/** Level-2 order book; bids best (highest) first, asks best (lowest) first. */
public record Depth(InstrumentId instrument, List<DepthLevel> bids, List<DepthLevel> asks, Instant timestamp) {
    public Depth {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
