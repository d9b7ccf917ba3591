package io.brokergate.quote.api;

import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Time query parameters: Unix seconds ({@code 1772409600}) or ISO-8601 instants ({@code 2026-03-02T01:30:00Z}). */
public final class TimeParams {

    /** Years beyond which a timestamp is certainly a mistake (milliseconds sent as seconds). */
    private static final long MAX_SECONDS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private TimeParams() {
    }

    /** @return the instant, or {@code fallback} when the parameter is absent */
    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim();
        if (v.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(v);
            if (seconds.abs().compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
                throw GatewayException.invalid(name + " is out of range: give Unix seconds (not milliseconds)");
            }
            return Instant.ofEpochSecond(seconds.longValue());
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw GatewayException.invalid(name + " must be Unix seconds or an ISO-8601 instant such as 2026-03-02T01:30:00Z");
        }
    }

    public static Instant required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw GatewayException.invalid(name + " is required (Unix seconds)");
        }
        return instant(name, value, null);
    }

    /** A calendar date {@code YYYY-MM-DD}, or {@code fallback}. */
    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw GatewayException.invalid(name + " must be a date YYYY-MM-DD");
        }
    }

    /** A positive whole number up to {@code max}, or {@code fallback}. */
    public static int count(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GatewayException.invalid(name + " must be a whole number from 1 to " + max);
    }
}
