package io.brokergate.trade.journal;

import io.brokergate.core.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset position in a newest-first order listing: opaque to clients, stable while orders are
 * added (a new order never shifts a page), and cheap for the database (index on created_at).
 */
public record OrderCursor(Instant createdAt, String orderId) {

    private static final int MAX_LENGTH = 256;

    public String encode() {
        String raw = createdAt.getEpochSecond() + "." + createdAt.getNano() + "|" + orderId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static OrderCursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            if (token.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            int dot = raw.indexOf('.');
            if (bar < 0 || dot < 0 || dot > bar || bar == raw.length() - 1) {
                throw new IllegalArgumentException("malformed");
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)), Long.parseLong(raw.substring(dot + 1, bar)));
            return new OrderCursor(at, raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw GatewayException.invalid("cursor is not one this API issued");
        }
    }
}
