package io.brokergate.core.instrument;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A listing venue, as it appears after the last dot of a canonical instrument id ({@code 700.HK}).
 * Mainland China is split into its two exchanges because brokers key symbols by exchange
 * ({@code 600519.SH}, {@code 000001.SZ}); both belong to the {@link Region#CN} calendar.
 */
public enum Market {
    HK(Region.HK, "HKD", "Asia/Hong_Kong"),
    US(Region.US, "USD", "America/New_York"),
    SH(Region.CN, "CNY", "Asia/Shanghai"),
    SZ(Region.CN, "CNY", "Asia/Shanghai"),
    SG(Region.SG, "SGD", "Asia/Singapore"),
    NSE(Region.IN, "INR", "Asia/Kolkata"),
    BSE(Region.IN, "INR", "Asia/Kolkata"),
    NFO(Region.IN, "INR", "Asia/Kolkata"),
    BFO(Region.IN, "INR", "Asia/Kolkata"),
    CDS(Region.IN, "INR", "Asia/Kolkata"),
    MCX(Region.IN, "INR", "Asia/Kolkata");

    /** Calendars and broker market codes are per region, not per exchange. */
    public enum Region { HK, US, CN, SG, IN }

    private final Region region;
    private final String currency;
    private final ZoneId zone;

    Market(Region region, String currency, String zone) {
        this.region = region;
        this.currency = currency;
        this.zone = ZoneId.of(zone);
    }

    public Region region() {
        return region;
    }

    public String currency() {
        return currency;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Case-insensitive lookup; {@code CN} is not a market (pick SH or SZ) and is rejected. */
    public static Market parse(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("market is required");
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown market '" + code + "'");
        }
    }
}
