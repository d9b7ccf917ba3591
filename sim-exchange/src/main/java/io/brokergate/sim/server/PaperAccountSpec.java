package io.brokergate.sim.server;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A paper account to create (or restore) on the sim-exchange, with the LongPort credentials that
 * clients will sign with.
 *
 * @param funding opening cash per currency (HKD, USD, CNY); empty means the engine's default
 */
public record PaperAccountSpec(String accountNo, String name, String appKey, String appSecret, String accessToken,
                               Map<String, BigDecimal> funding) {

    public PaperAccountSpec {
        requireText("accountNo", accountNo);
        requireText("appKey", appKey);
        requireText("appSecret", appSecret);
        requireText("accessToken", accessToken);
        name = name == null || name.isBlank() ? accountNo : name;
        funding = funding == null ? Map.of() : Map.copyOf(funding);
        funding.forEach((currency, amount) -> {
            Objects.requireNonNull(amount, "funding amount");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("funding of " + currency + " must not be negative");
            }
        });
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        // Credentials travel in HTTP headers and signatures: no whitespace or control characters.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw new IllegalArgumentException(field + " must not contain whitespace or control characters");
            }
        }
    }
}
