package io.brokergate.core.market;

import io.brokergate.core.instrument.Market;
import java.time.LocalTime;

/** One continuous session of a market's trading day, in the market's local time. */
public record TradingSession(Market.Region region, SessionType type, LocalTime begin, LocalTime end) {
    public boolean contains(LocalTime t) {
        return !t.isBefore(begin) && t.isBefore(end);
    }
}
