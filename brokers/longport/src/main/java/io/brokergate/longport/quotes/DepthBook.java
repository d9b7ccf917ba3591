package io.brokergate.longport.quotes;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.longport.mapping.QuoteMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One instrument's order book as merged from depth pushes (cmd 102): each pushed level replaces
 * the level at its 1-based {@code position}; a level without price or volume empties it.
 * Positions beyond {@link #levels()} are ignored. Confined to the quote socket's event loop.
 */
public final class DepthBook {

    private final DepthLevel[] bids;
    private final DepthLevel[] asks;

    public DepthBook(int levels) {
        bids = new DepthLevel[levels];
        asks = new DepthLevel[levels];
    }

    public int levels() {
        return bids.length;
    }

    public void apply(List<io.brokergate.longport.proto.Depth> askUpdates, List<io.brokergate.longport.proto.Depth> bidUpdates) {
        merge(asks, askUpdates);
        merge(bids, bidUpdates);
    }

    /** Best bid, or null when the bid side is empty. */
    public DepthLevel bestBid() {
        return first(bids);
    }

    public DepthLevel bestAsk() {
        return first(asks);
    }

    public boolean isEmpty() {
        return first(bids) == null && first(asks) == null;
    }

    public Depth snapshot(InstrumentId id, Instant at) {
        return new Depth(id, present(bids), present(asks), at);
    }

    private static void merge(DepthLevel[] side, List<io.brokergate.longport.proto.Depth> updates) {
        for (int i = 0, n = updates.size(); i < n; i++) {
            io.brokergate.longport.proto.Depth d = updates.get(i);
            int index = d.getPosition() - 1;
            if (index >= 0 && index < side.length) {
                side[index] = QuoteMessages.isEmpty(d) ? null : QuoteMessages.level(d);
            }
        }
    }

    private static DepthLevel first(DepthLevel[] side) {
        for (DepthLevel l : side) {
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    private static List<DepthLevel> present(DepthLevel[] side) {
        List<DepthLevel> out = new ArrayList<>(side.length);
        for (DepthLevel l : side) {
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }
}
