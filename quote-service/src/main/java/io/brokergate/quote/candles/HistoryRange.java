package io.brokergate.quote.candles;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.quote.config.QuoteConfig;
import java.time.Duration;
import java.time.Instant;

/** Checks of a history request, with messages that say what to change. */
public final class HistoryRange {

    /** The supported resolutions, in TradingView's spelling. */
    public static final String RESOLUTIONS = "1, 5, 15, 30, 60, D (1D), W (1W) or M (1M)";

    private HistoryRange() {
    }

    public static BarPeriod resolution(String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw GatewayException.invalid("resolution is required: " + RESOLUTIONS);
        }
        try {
            return BarPeriod.parse(resolution);
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("unsupported resolution '" + abbreviate(resolution) + "': use " + RESOLUTIONS);
        }
    }

    /** @throws GatewayException {@code invalid_request} when from is after to or the range is longer than allowed */
    public static void check(BarPeriod period, Instant from, Instant to, QuoteConfig.History limits) {
        if (from.isAfter(to)) {
            throw GatewayException.invalid("from (" + from + ") is after to (" + to + ")");
        }
        Duration max = period.isIntraday() ? limits.maxIntradaySpan() : limits.maxDailySpan();
        Duration span = Duration.between(from, to);
        if (span.compareTo(max) > 0) {
            throw GatewayException.invalid("a range of " + span.toDays() + " days is too long for resolution "
                    + period.resolution() + ": at most " + max.toDays() + " days per request");
        }
    }

    /** @throws GatewayException {@code invalid_request} when an answer would hold more bars than allowed */
    public static void checkCount(int bars, QuoteConfig.History limits) {
        if (bars > limits.maxBars()) {
            throw GatewayException.invalid("the range holds " + bars + " bars, more than " + limits.maxBars()
                    + " per request: narrow from/to");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
