package io.brokergate.sim.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time of the command in progress. The clock is read once per command so that every order
 * change, print and snapshot one command produces carries the same timestamp. Engine thread only.
 */
final class CommandTime {

    private final SimClock clock;
    private long millis;
    private Instant now;

    /** Starts at the clock's current instant, which the exchange's construction runs at. */
    CommandTime(SimClock clock) {
        this.clock = clock;
        Instant start = clock.now();
        this.millis = start.toEpochMilli();
        this.now = start;
    }

    /** Reads the clock for a new command. */
    void advance() {
        millis = clock.millis();
        now = Instant.ofEpochMilli(millis);
    }

    long millis() {
        return millis;
    }

    Instant now() {
        return now;
    }

    LocalDate localDate(ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }
}
