package io.brokergate.sim.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock that moves only when told to; millisecond resolution, safe to share between threads. */
public final class ManualClock implements SimClock {

    private volatile long millis;

    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    /** A clock at a local date-time of a zone ({@code at(2026, 3, 2, 10, 0, "Asia/Hong_Kong")}). */
    public static ManualClock at(int year, int month, int day, int hour, int minute, String zone) {
        return new ManualClock(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of(zone)).toInstant());
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    public void set(Instant instant) {
        millis = instant.toEpochMilli();
    }

    public synchronized void advance(Duration duration) {
        millis += duration.toMillis();
    }
}
