package io.brokergate.quote.api;

import io.brokergate.core.market.TradingSession;
import java.time.LocalTime;
import java.util.Locale;

/** One session of the trading day in the exchange's local time: regular, pre_market, post_market or overnight. */
public record SessionView(String type, LocalTime begin, LocalTime end) {

    public static SessionView of(TradingSession s) {
        return new SessionView(s.type().name().toLowerCase(Locale.ROOT), s.begin(), s.end());
    }
}
