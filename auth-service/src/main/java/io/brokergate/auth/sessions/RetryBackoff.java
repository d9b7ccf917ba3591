package io.brokergate.auth.sessions;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Delays between attempts: {@code initial × 2^(failures-1)}, capped at {@code max}, each scaled by a
 * random factor in [0.8, 1.2) so that many connections failing together do not retry in lockstep.
 */
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    RetryBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @param failures consecutive failures so far, at least 1 */
    Duration after(int failures) {
        long base = initial.toMillis();
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long raw = base > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base << doublings;
        return jitter(Duration.ofMillis(Math.min(raw, max.toMillis())));
    }

    /** The interval scaled by a factor in [0.8, 1.2). */
    Duration jitter(Duration interval) {
        return Duration.ofMillis((long) (interval.toMillis() * (0.8 + 0.4 * random.getAsDouble())));
    }
}
