package io.brokergate.trade.orders;

import io.brokergate.core.order.OrderRequest;
import io.brokergate.trade.brackets.BracketSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two place requests "the same body" for idempotency: every field that changes the
 * order, with numbers compared by value ({@code 100} equals {@code 100.00}).
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(OrderRequest r) {
        return of(r, BracketSpec.NONE);
    }

    /** Exits are part of the body: the same key with other (or no) exits is another request. */
    static String of(OrderRequest r, BracketSpec exits) {
        String canonical = String.join("|", r.instrument().symbol(), r.side().name(), r.type().name(),
                number(r.quantity()), number(r.limitPrice()), number(r.stopPrice()), number(r.trailingAmount()),
                number(r.trailingPercent()), r.timeInForce().name(), String.valueOf(r.expireDate()),
                String.valueOf(r.outsideRegularHours()));
        if (!exits.isEmpty()) {
            canonical += "|exits|" + number(exits.takeProfit()) + '|' + number(exits.stopLoss()) + '|'
                    + number(exits.trailingAmount());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String number(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }
}
