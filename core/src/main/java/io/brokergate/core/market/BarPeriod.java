package io.brokergate.core.market;

import java.time.Duration;
import java.util.Locale;

/** Candle resolutions the gateway knows; brokers declare which they serve in their capabilities. */
public enum BarPeriod {
    MIN_1("1", Duration.ofMinutes(1)),
    MIN_5("5", Duration.ofMinutes(5)),
    MIN_15("15", Duration.ofMinutes(15)),
    MIN_30("30", Duration.ofMinutes(30)),
    MIN_60("60", Duration.ofMinutes(60)),
    DAY("1D", Duration.ofDays(1)),
    WEEK("1W", Duration.ofDays(7)),
    MONTH("1M", null);

    private final String resolution;
    private final Duration length;

    BarPeriod(String resolution, Duration length) {
        this.resolution = resolution;
        this.length = length;
    }

    /** TradingView-style resolution string ({@code 1}, {@code 60}, {@code 1D}, {@code 1W}, {@code 1M}). */
    public String resolution() {
        return resolution;
    }

    /** Fixed length, or null for calendar months. */
    public Duration length() {
        return length;
    }

    public boolean isIntraday() {
        return ordinal() <= MIN_60.ordinal();
    }

    /** Accepts TradingView resolutions and their short forms ({@code D}, {@code W}, {@code M}). */
    public static BarPeriod parse(String resolution) {
        if (resolution == null) {
            throw new IllegalArgumentException("resolution is required");
        }
        String r = resolution.trim().toUpperCase(Locale.ROOT);
        switch (r) {
            case "D": return DAY;
            case "W": return WEEK;
            case "M": return MONTH;
            default:
                for (BarPeriod p : values()) {
                    if (p.resolution.equals(r)) {
                        return p;
                    }
                }
                throw new IllegalArgumentException("unsupported resolution '" + resolution + "'");
        }
    }
}
