package io.brokergate.trade.tradingview;

import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.trade.brackets.BracketSpec;
import io.brokergate.trade.orders.InstrumentRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * TradingView's bracket fields as the gateway's exits. A new order's stop loss, take profit or
 * trailing stop (in pips: ticks of the first price tier) become a {@link BracketSpec} for the
 * brackets package, where the broker's capability map allows brackets at all; brackets on an
 * existing order or a position, and guaranteed stops, are refused with a clear message (the flags
 * in {@code /accounts} say so too).
 */
@ApplicationScoped
public class BracketOrders {

    /** What the brackets are for. */
    public enum Target { NEW_ORDER, EXISTING_ORDER, POSITION }

    private final InstrumentRules rules;

    public BracketOrders(InstrumentRules rules) {
        this.rules = rules;
    }

    /**
     * @param instrument the order's instrument (a trailing distance in pips needs its tick)
     * @return the exits to place with a new order; {@link BracketSpec#NONE} without bracket fields
     * @throws GatewayException INVALID_REQUEST when these brackets cannot be managed for this account
     */
    public BracketSpec accept(Account account, Capabilities caps, Target target, InstrumentId instrument, BracketFields brackets) {
        if (brackets.isEmpty()) {
            return BracketSpec.NONE;
        }
        if (!caps.brackets()) {
            throw GatewayException.invalid("Stop loss and take profit brackets are not supported for " + caps.displayName()
                    + " accounts: remove them and place the exit as a separate order");
        }
        if (target != Target.NEW_ORDER) {
            throw GatewayException.invalid("Brackets can only be attached when the order is placed on " + caps.displayName()
                    + " accounts: move an exit in the order list, or place it as a separate order");
        }
        if (brackets.guaranteedStop() != null) {
            throw GatewayException.invalid("Guaranteed stops are not offered for " + caps.displayName() + " accounts");
        }
        BigDecimal trailing = brackets.trailingStopPips() == null ? null
                : brackets.trailingStopPips().multiply(rules.instrument(account, instrument).ticks().tiers().get(0).tick());
        return new BracketSpec(brackets.takeProfit(), brackets.stopLoss(), trailing);
    }
}
