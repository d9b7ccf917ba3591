package io.brokergate.trade.risk;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Local day and time of an instant in a zone, computed from the zone's offset instead of building
 * {@code ZonedDateTime}s: admit() runs for every order and should not allocate for this.
 */
final class LocalClock {

    static final int SECONDS_PER_DAY = 86_400;

    private LocalClock() {
    }

    static long localEpochSecond(ZoneId zone, Instant at) {
        return at.getEpochSecond() + zone.getRules().getOffset(at).getTotalSeconds();
    }

    static long epochDay(ZoneId zone, Instant at) {
        return Math.floorDiv(localEpochSecond(zone, at), SECONDS_PER_DAY);
    }

    /** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
    static int dayOfWeekIndex(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7);
    }
}
