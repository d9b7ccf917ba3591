package io.brokergate.longport.trading;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Builds a raw query exactly as the SDK does (longport.md §1.3): keys in insertion order, arrays
 * as repeated keys, everything but {@code A-Z a-z 0-9 * - . _} percent-encoded and space as
 * {@code +}. The signature covers these exact bytes.
 */
public final class QueryString {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final StringBuilder sb = new StringBuilder(64);

    /** Skips null and empty values: LongPort treats a missing parameter as "any". */
    public QueryString add(String key, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        if (sb.length() > 0) {
            sb.append('&');
        }
        encode(key);
        sb.append('=');
        encode(value);
        return this;
    }

    public QueryString addAll(String key, Collection<String> values) {
        values.forEach(v -> add(key, v));
        return this;
    }

    public boolean isEmpty() {
        return sb.length() == 0;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void encode(String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '*' || c == '-' || c == '.' || c == '_') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
    }
}
