package io.brokergate.trade.risk;

import java.time.Duration;
import java.util.Objects;

/** At most {@code limit} orders in any sliding window of length {@code window}. */
public record OrderRate(int limit, Duration window) {

    /** Bounds the memory of a scope's window: one timestamp per order in it. */
    public static final int MAX_LIMIT = 10_000;
    public static final Duration MAX_WINDOW = Duration.ofHours(1);

    public OrderRate {
        Objects.requireNonNull(window, "window");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("order rate limit out of range: " + limit);
        }
        if (window.toMillis() < 1 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("order rate window out of range: " + window);
        }
    }

    public long windowMillis() {
        return window.toMillis();
    }
}
