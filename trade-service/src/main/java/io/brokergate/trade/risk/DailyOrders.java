package io.brokergate.trade.risk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** At most {@code limit} orders per calendar day of {@code zone}; the count starts again at local midnight. */
public record DailyOrders(int limit, ZoneId zone) {

    public static final int MAX_LIMIT = 10_000_000;

    public DailyOrders {
        Objects.requireNonNull(zone, "zone");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("daily order limit out of range: " + limit);
        }
    }

    /** The local day of {@code at} in the zone, as days since 1970-01-01; no allocation on the order path. */
    public long epochDay(Instant at) {
        return LocalClock.epochDay(zone, at);
    }
}
