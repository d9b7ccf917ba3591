package io.brokergate.trade.tradingview;

import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A TradingView request body ({@code application/x-www-form-urlencoded}), read here rather than by
 * the framework so that every malformed body gets a TradingView error that says what is wrong.
 * Keys the facade does not know are the order dialog's custom fields: accepted and ignored. A
 * known key given twice is refused (which value was meant is unknowable).
 */
final class TradingViewForm {

    static final int MAX_CHARS = 16_384;
    private static final int MAX_PARAMETERS = 100;
    private static final int MAX_NUMBER_CHARS = 40;
    /** Integer digits beyond any quantity or price the gateway accepts (1e9): refused before any arithmetic. */
    private static final int MAX_INTEGER_DIGITS = 15;
    /**
     * Decimals kept: TradingView's numbers are JavaScript doubles, so 320.2 can arrive as
     * 320.20000000000005; rounding to 10 decimals gives the value the trader meant.
     */
    private static final int MAX_DECIMALS = 10;
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private final Map<String, String> values;

    private TradingViewForm(Map<String, String> values) {
        this.values = values;
    }

    /** @param known the keys this endpoint reads (a repeated known key is an error, unknown keys are ignored) */
    static TradingViewForm parse(String body, String contentType, Set<String> known) {
        if (body == null || body.isBlank()) {
            return new TradingViewForm(Map.of());
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw GatewayException.invalid("the request body must be a form (application/x-www-form-urlencoded), not "
                    + (contentType == null ? "a body without a content type" : clip(contentType)));
        }
        if (body.length() > MAX_CHARS) {
            throw GatewayException.invalid("the request body is larger than " + MAX_CHARS + " characters");
        }
        Map<String, String> values = new HashMap<>();
        int count = 0;
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw GatewayException.invalid("the form has more than " + MAX_PARAMETERS + " fields");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (known.contains(name) && values.put(name, value) != null) {
                throw GatewayException.invalid(name + " is given more than once");
            }
        }
        return new TradingViewForm(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("the form is not valid application/x-www-form-urlencoded (bad %-escape)");
        }
    }

    /** The value, or null when absent or empty. */
    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String name) {
        String v = text(name);
        if (v == null) {
            throw GatewayException.invalid(name + " is required");
        }
        return v;
    }

    /** A number, or null when absent. NaN, infinities and anything beyond 15 integer digits are refused. */
    BigDecimal number(String name) {
        return number(name, text(name));
    }

    static BigDecimal number(String name, String v) {
        if (v == null) {
            return null;
        }
        if (v.length() > MAX_NUMBER_CHARS || !NUMBER.matcher(v).matches()) {
            throw GatewayException.invalid(name + " must be a number, not " + clip(v));
        }
        BigDecimal n = new BigDecimal(v);
        if (n.precision() - n.scale() > MAX_INTEGER_DIGITS) {
            throw GatewayException.invalid(name + " is too large");
        }
        return n.scale() > MAX_DECIMALS ? n.setScale(MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros() : n;
    }

    /** Echoing hostile input back in full would let a client make our answers arbitrarily large. */
    static String clip(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…'";
    }
}
