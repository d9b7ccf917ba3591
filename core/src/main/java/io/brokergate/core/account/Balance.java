package io.brokergate.core.account;

import java.math.BigDecimal;
import java.time.Instant;

/** Cash and equity of an account in one currency. */
public record Balance(
        String accountId,
        String currency,
        BigDecimal cash,
        BigDecimal availableCash,
        BigDecimal frozenCash,
        BigDecimal buyingPower,
        BigDecimal marketValue,
        BigDecimal netAssets,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        Instant timestamp) {

    /** The same balance named by another account id. */
    public Balance withAccountId(String newAccountId) {
        return newAccountId.equals(accountId) ? this : new Balance(newAccountId, currency, cash, availableCash, frozenCash,
                buyingPower, marketValue, netAssets, realizedPnl, unrealizedPnl, timestamp);
    }
}
