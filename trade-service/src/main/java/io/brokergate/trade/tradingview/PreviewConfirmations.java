package io.brokergate.trade.tradingview;

import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The {@code confirmId} of an order preview: proof that the order being placed (or the change
 * being made) is the one the trader previewed, within {@code confirm-validity}. It is the expiry
 * and a digest of the account, the target order and the order's fields, so any pod can check it
 * without shared state; forging one gains nothing, because a confirmed order still passes every
 * rule and risk limit of the order path.
 */
@ApplicationScoped
public class PreviewConfirmations {

    private static final String NEW_ORDER = "new";

    private final Duration validity;
    private final Clock clock;

    @Inject
    public PreviewConfirmations(TradingViewSettings settings) {
        this(settings.confirmValidity(), Clock.systemUTC());
    }

    PreviewConfirmations(Duration validity, Clock clock) {
        this.validity = validity;
        this.clock = clock;
    }

    /** @param orderId the order a modification previews, or null for a new order */
    String issue(String accountId, String orderId, OrderTicket ticket) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        return expires + "." + digest(expires, accountId, orderId, ticket);
    }

    /** Passes when there is no confirmId, or when it vouches for exactly this order and has not expired. */
    void verify(String confirmId, String accountId, String orderId, OrderTicket ticket) {
        if (confirmId == null) {
            return;
        }
        int dot = confirmId.indexOf('.');
        long expires;
        try {
            expires = Long.parseLong(confirmId.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            throw GatewayException.invalid("confirmId is not one this broker issued: preview the order again");
        }
        if (!confirmId.substring(dot + 1).equals(digest(expires, accountId, orderId, ticket))) {
            throw GatewayException.invalid("The order differs from the one you previewed: preview it again");
        }
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            throw GatewayException.invalid("The order preview has expired: preview the order again");
        }
    }

    private static String digest(long expires, String accountId, String orderId, OrderTicket ticket) {
        String canonical = expires + "\n" + accountId + "\n" + (orderId == null ? NEW_ORDER : orderId) + "\n" + ticket.canonical();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
