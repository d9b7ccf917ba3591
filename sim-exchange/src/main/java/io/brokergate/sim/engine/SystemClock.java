package io.brokergate.sim.engine;

import java.time.Instant;

/** Wall-clock time. */
public final class SystemClock implements SimClock {

    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
