package io.brokergate.sim.engine;

import java.time.Instant;

/**
 * Where the exchange's timestamps come from. Tests use {@link ManualClock} so that the same seed and
 * the same steps give identical results; the runtime uses {@link SystemClock}.
 * Implementations must be safe to read from any thread.
 */
public interface SimClock {

    Instant now();

    default long millis() {
        return now().toEpochMilli();
    }
}
