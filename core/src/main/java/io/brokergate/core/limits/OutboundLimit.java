package io.brokergate.core.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * One documented broker limit, e.g. LongPort quotes "10 per second, 5 in flight" or trade
 * "30 per 30 s, at least 20 ms apart". Counted as a sliding window over call start times, which is
 * never looser than the broker's own token bucket.
 *
 * @param permits     calls allowed per {@code window}
 * @param minSpacing  minimum time between two call starts ({@link Duration#ZERO} for none)
 * @param maxInFlight concurrent calls (0 = unlimited)
 * @param overflow    what to do with a call that would exceed the limit
 */
public record OutboundLimit(
        OutboundCategory category,
        int permits,
        Duration window,
        Duration minSpacing,
        int maxInFlight,
        Overflow overflow) {

    public enum Overflow {
        /** Wait for a slot (bounded by the governor's queue size and wait time). */
        QUEUE,
        /** Fail at once with {@code rate_limited} and a retry-after. */
        REJECT
    }

    public OutboundLimit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(window, "window");
        minSpacing = minSpacing == null ? Duration.ZERO : minSpacing;
        overflow = overflow == null ? Overflow.QUEUE : overflow;
        if (permits <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs a positive number of permits per positive window");
        }
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must not be negative");
        }
    }
}
