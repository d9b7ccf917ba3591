package io.brokergate.longport.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * LongPort's JSON and protobuf carry decimals and Unix-second timestamps as strings; this is the
 * one place where they become {@link BigDecimal} and {@link Instant} (and back).
 */
public final class Decimals {

    private Decimals() {
    }

    /** {@code ""}, null or garbage → null: the broker uses "" for "absent". */
    public static BigDecimal parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Like {@link #parse} but "0" also means absent (executed_price "0" = no fill yet). */
    public static BigDecimal parsePositive(String s) {
        BigDecimal d = parse(s);
        return d == null || d.signum() == 0 ? null : d;
    }

    public static BigDecimal parseOrZero(String s) {
        BigDecimal d = parse(s);
        return d == null ? BigDecimal.ZERO : d;
    }

    /** Plain notation without trailing zeros ({@code 388.50} → {@code "388.5"}, {@code 1E+2} → {@code "100"}). */
    public static String toWire(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** Unix seconds as a string; "" and "0" (the broker's "none") → null. */
    public static Instant epochSeconds(String s) {
        if (s == null || s.isEmpty() || "0".equals(s)) {
            return null;
        }
        try {
            long v = Long.parseLong(s.trim());
            return v <= 0 ? null : Instant.ofEpochSecond(v);
        } catch (NumberFormatException e) {
            BigDecimal d = parse(s);
            return d == null || d.signum() <= 0 ? null : Instant.ofEpochMilli(d.movePointRight(3).longValue());
        }
    }

    /** Unix seconds from a protobuf int64; 0 → null. */
    public static Instant epochSeconds(long s) {
        return s <= 0 ? null : Instant.ofEpochSecond(s);
    }

    /** {@code YYYY-MM-DD}; "" or an unparsable value → null. */
    public static LocalDate date(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
