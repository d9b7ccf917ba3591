package io.brokergate.core.account;

import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;

/**
 * Holding of one instrument; {@code quantity} is negative for a short position.
 * Market-derived fields ({@code lastPrice}, {@code unrealizedPnl}) are null when unknown.
 */
public record Position(
        String accountId,
        InstrumentId instrument,
        BigDecimal quantity,
        BigDecimal availableQuantity,
        BigDecimal averageCost,
        BigDecimal lastPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        String currency) {

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /** The same holding named by another account id. */
    public Position withAccountId(String newAccountId) {
        return newAccountId.equals(accountId) ? this : new Position(newAccountId, instrument, quantity, availableQuantity,
                averageCost, lastPrice, unrealizedPnl, realizedPnl, currency);
    }
}
