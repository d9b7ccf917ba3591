package io.brokergate.longport.wire;

import static io.brokergate.longport.wire.MalformedPacketException.Reason.BAD_HANDSHAKE;

/**
 * Connection handshake (longport.md §2.1). Over TCP the client first sends two bytes:
 * byte 0 = codec (high nibble) | version (low nibble), byte 1 = platform (low nibble, high
 * nibble reserved); the server sends nothing back. Over WebSocket the same three numbers travel
 * in the upgrade URL's query: {@code version=1&codec=1&platform=9}.
 */
public record Handshake(int version, int codec, int platform) {

    public static final int VERSION_1 = 1;
    public static final int CODEC_PROTOBUF = 1;
    /** Defined by the Go reference code, never used by the official SDKs. */
    public static final int CODEC_JSON = 2;
    public static final int PLATFORM_OPENAPI = 9;
    public static final int TCP_LENGTH = 2;

    /** What every official SDK sends. */
    public static final Handshake OPENAPI_V1 = new Handshake(VERSION_1, CODEC_PROTOBUF, PLATFORM_OPENAPI);

    public Handshake {
        checkNibble("version", version);
        checkNibble("codec", codec);
        checkNibble("platform", platform);
    }

    /** True for the only combination this codec speaks: protocol v1 with protobuf bodies. */
    public boolean isSupported() {
        return version == VERSION_1 && codec == CODEC_PROTOBUF;
    }

    public byte[] toTcpBytes() {
        return new byte[] {(byte) ((codec << 4) | version), (byte) platform};
    }

    /** Reads the two TCP handshake bytes; the reserved high nibble of byte 1 is ignored. */
    public static Handshake fromTcp(byte b0, byte b1) {
        return new Handshake(b0 & 0x0F, (b0 >>> 4) & 0x0F, b1 & 0x0F);
    }

    public static Handshake fromTcp(byte[] bytes) {
        if (bytes == null || bytes.length < TCP_LENGTH) {
            throw new MalformedPacketException(BAD_HANDSHAKE, "TCP handshake needs 2 bytes, got "
                    + (bytes == null ? 0 : bytes.length));
        }
        return fromTcp(bytes[0], bytes[1]);
    }

    public String toQuery() {
        return "version=" + version + "&codec=" + codec + "&platform=" + platform;
    }

    /** Appends the handshake query to a WS URL, keeping its path and any existing query. */
    public String appendTo(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url + '?' + toQuery();
        }
        char last = url.charAt(url.length() - 1);
        return url + (last == '?' || last == '&' ? "" : "&") + toQuery();
    }

    /**
     * Parses the raw query of a WS upgrade request. All three keys must be present once, with
     * decimal values 0..15; other keys are ignored so that a deployment may add its own.
     *
     * @throws MalformedPacketException (BAD_HANDSHAKE); the server answers with Close and disconnects
     */
    public static Handshake parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new MalformedPacketException(BAD_HANDSHAKE, "missing handshake query (version, codec, platform)");
        }
        int version = -1;
        int codec = -1;
        int platform = -1;
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int eq = rawQuery.indexOf('=', start);
            if (eq > start && eq < end) {
                String key = rawQuery.substring(start, eq);
                switch (key) {
                    case "version" -> version = once(key, version, rawQuery, eq + 1, end);
                    case "codec" -> codec = once(key, codec, rawQuery, eq + 1, end);
                    case "platform" -> platform = once(key, platform, rawQuery, eq + 1, end);
                    default -> {
                    }
                }
            }
            start = end + 1;
        }
        if (version < 0 || codec < 0 || platform < 0) {
            throw new MalformedPacketException(BAD_HANDSHAKE, "handshake query lacks "
                    + (version < 0 ? "version" : codec < 0 ? "codec" : "platform") + ": " + rawQuery);
        }
        return new Handshake(version, codec, platform);
    }

    private static int once(String key, int current, String query, int from, int to) {
        if (current >= 0) {
            throw new MalformedPacketException(BAD_HANDSHAKE, "handshake key '" + key + "' repeated: " + query);
        }
        // At most two decimal digits; anything else cannot be a nibble.
        int len = to - from;
        int value = -1;
        if (len == 1 || len == 2) {
            value = 0;
            for (int i = from; i < to; i++) {
                char c = query.charAt(i);
                if (c < '0' || c > '9') {
                    value = -1;
                    break;
                }
                value = value * 10 + (c - '0');
            }
        }
        if (value < 0 || value > 15) {
            throw new MalformedPacketException(BAD_HANDSHAKE, "handshake " + key + " must be 0..15: "
                    + query.substring(from, to));
        }
        return value;
    }

    private static void checkNibble(String name, int v) {
        if (v < 0 || v > 15) {
            throw new IllegalArgumentException(name + " is a 4-bit field: " + v);
        }
    }
}
