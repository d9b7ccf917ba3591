package io.brokergate.trade.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strict reading of the risk admin API's JSON. Bodies are parsed here rather than bound to
 * records so that every mistake is a 400 naming the field: unknown fields (a misspelt limit must
 * not be silently ignored), duplicate keys, wrong types, fractions where counts belong, NaN,
 * zero, negative or absurd numbers. Decimals are read as BigDecimal, never through double.
 */
final class JsonInput {

    /** Far above any real limits document (5,000 symbols are about 60 KB). */
    static final int MAX_BODY_CHARS = 256 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");

    private JsonInput() {
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    /** The body as a JSON object. */
    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw GatewayException.invalid("a JSON request body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "risk admin request bodies are limited to "
                    + MAX_BODY_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? ": a field appears twice" : "";
            throw GatewayException.invalid("the request body is not valid JSON" + why);
        }
        if (node == null || !node.isObject()) {
            throw GatewayException.invalid("the request body must be a JSON object");
        }
        return node;
    }

    /** Refuses fields outside {@code known}; {@code ignored} ones (read-only output fields) are allowed and skipped. */
    static void onlyFields(JsonNode object, String path, Set<String> known, Set<String> ignored) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name) && !ignored.contains(name)) {
                throw GatewayException.invalid(prefix(path) + "unknown field " + quote(name) + "; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** The member, or null when it is absent or JSON null (no limit). */
    static JsonNode optional(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n;
    }

    static JsonNode required(JsonNode object, String field, String path) {
        JsonNode n = optional(object, field);
        if (n == null) {
            throw GatewayException.invalid(path + " is required");
        }
        return n;
    }

    static JsonNode objectAt(JsonNode n, String path) {
        if (!n.isObject()) {
            throw GatewayException.invalid(path + " must be a JSON object");
        }
        return n;
    }

    static JsonNode arrayAt(JsonNode n, String path, int maxEntries) {
        if (!n.isArray()) {
            throw GatewayException.invalid(path + " must be a JSON array");
        }
        if (n.size() > maxEntries) {
            throw GatewayException.invalid(path + ": at most " + maxEntries + " entries");
        }
        return n;
    }

    /** A whole JSON number in [min, max]. */
    static int integer(JsonNode n, String path, int min, int max) {
        if (!n.isNumber()) {
            throw GatewayException.invalid(path + " must be a whole number");
        }
        BigDecimal v = n.decimalValue();
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw GatewayException.invalid(path + " must be a whole number");
        }
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw GatewayException.invalid(path + " must be between " + min + " and " + max);
        }
        return v.intValueExact();
    }

    /** A positive decimal, as a JSON number or a string holding one, at most {@code max} with {@code maxScale} decimals. */
    static BigDecimal positiveDecimal(JsonNode n, String path, BigDecimal max, int maxScale) {
        BigDecimal v;
        if (n.isNumber()) {
            v = n.decimalValue();
        } else if (n.isTextual() && n.textValue().length() <= 40) {
            try {
                v = new BigDecimal(n.textValue().strip());
            } catch (NumberFormatException e) {
                throw GatewayException.invalid(path + " must be a decimal number");
            }
        } else {
            throw GatewayException.invalid(path + " must be a decimal number");
        }
        if (v.signum() <= 0) {
            throw GatewayException.invalid(path + " must be positive");
        }
        if (v.compareTo(max) > 0) {
            throw GatewayException.invalid(path + " must not exceed " + max.toPlainString());
        }
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.scale() > maxScale) {
            throw GatewayException.invalid(path + " has more than " + maxScale + " decimals");
        }
        // plain form with scale >= 0: never rendered as 1E+6
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String text(JsonNode n, String path, int maxLength) {
        if (!n.isTextual()) {
            throw GatewayException.invalid(path + " must be a string");
        }
        String s = n.textValue();
        if (s.isEmpty() || s.length() > maxLength) {
            throw GatewayException.invalid(path + " must have 1 to " + maxLength + " characters");
        }
        if (!printable(s)) {
            throw GatewayException.invalid(path + " contains control or invisible characters");
        }
        return s;
    }

    static boolean bool(JsonNode n, String path) {
        if (!n.isBoolean()) {
            throw GatewayException.invalid(path + " must be true or false");
        }
        return n.booleanValue();
    }

    /** An IANA time-zone id ({@code Asia/Hong_Kong}, {@code UTC}); offsets and unknown names are refused. */
    static ZoneId zone(JsonNode n, String path) {
        String id = text(n, path, 64);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw GatewayException.invalid(path + ": unknown time zone " + quote(id) + "; use an IANA id such as Asia/Hong_Kong");
        }
        return ZoneId.of(id);
    }

    /** {@code HH:mm} or {@code HH:mm:ss}. */
    static LocalTime time(JsonNode n, String path) {
        String s = text(n, path, 8);
        if (!TIME.matcher(s).matches()) {
            throw GatewayException.invalid(path + " must be a time of day as HH:mm or HH:mm:ss, got " + quote(s));
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw GatewayException.invalid(path + " is not a valid time of day: " + quote(s));
        }
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "'" + (printable(shown) ? shown : "(unprintable)") + "'";
    }

    /** No control characters, invisible formatting, unpaired surrogates or private-use characters. */
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String prefix(String path) {
        return path == null ? "" : path + ": ";
    }
}
