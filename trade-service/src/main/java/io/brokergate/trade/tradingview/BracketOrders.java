package io.brokergate.trade.tradingview;

import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * INTEGRATION POINT for brackets (stop loss, take profit, trailing stop, guaranteed stop). Every
 * TradingView request that carries bracket fields passes through {@link #accept} before anything
 * reaches the broker: placing an order, modifying one, modifying a position. The facade offers
 * brackets only where the broker's capability map declares native ones (none does today), so a
 * request with brackets is refused with a clear message and the bracket flags in {@code /accounts}
 * stay false ({@code TradingViewFlags}).
 *
 * <p>The native API's gateway-managed brackets ({@code io.brokergate.trade.brackets.Brackets}, for
 * brokers with {@code Capabilities.gatewayBrackets()}) plug in here: accept the brackets for a new
 * order and place it through {@code Brackets.place} with a {@code BracketSpec}, then derive the flags
 * from {@code Capabilities.brackets()}.
 */
@ApplicationScoped
public class BracketOrders {

    /** What the brackets are for. */
    public enum Target { NEW_ORDER, EXISTING_ORDER, POSITION }

    /**
     * @param targetId the order id or position id ({@code 700.HK}); null for a new order
     * @throws GatewayException INVALID_REQUEST when brackets cannot be managed for this account
     */
    public void accept(Account account, Capabilities caps, Target target, String targetId, BracketFields brackets) {
        if (brackets.isEmpty()) {
            return;
        }
        boolean supported = target == Target.POSITION ? caps.positionBrackets() : caps.orderBrackets();
        if (!supported) {
            throw GatewayException.invalid("Stop loss and take profit brackets are not supported on TradingView for "
                    + caps.displayName() + " accounts: remove them and place the exit as a separate order");
        }
        // Declared by a broker but not wired yet: refusing is the only safe answer until brackets are managed.
        throw GatewayException.invalid("BracketFields are not available yet for " + caps.displayName() + " accounts");
    }
}
