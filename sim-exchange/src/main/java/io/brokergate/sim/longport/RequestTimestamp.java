package io.brokergate.sim.longport;

/**
 * Reads {@code X-Timestamp}. The signature treats the header as an opaque string, but the server
 * must still know when the request was made: the Rust SDK sends integer seconds, the Go SDK
 * milliseconds and the docs float seconds, so all three are accepted. Twelve or more integer
 * digits mean milliseconds (seconds will not reach 12 digits before the year 5138).
 */
final class RequestTimestamp {

    private static final int MAX_LENGTH = 32;

    private RequestTimestamp() {
    }

    /** @return epoch milliseconds, or -1 when the value is not a plain decimal number */
    static long toEpochMillis(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return -1;
        }
        int dot = header.indexOf('.');
        String integer = dot < 0 ? header : header.substring(0, dot);
        String fraction = dot < 0 ? "" : header.substring(dot + 1);
        if (integer.isEmpty() || !digits(integer) || !digits(fraction) || integer.length() > 16) {
            return -1;
        }
        long whole = Long.parseLong(integer);
        boolean millis = integer.length() >= 12;
        if (millis) {
            return whole; // a fraction of a millisecond does not matter
        }
        long fractionMillis = 0;
        for (int i = 0; i < 3; i++) {
            fractionMillis = fractionMillis * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return whole * 1000 + fractionMillis;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
