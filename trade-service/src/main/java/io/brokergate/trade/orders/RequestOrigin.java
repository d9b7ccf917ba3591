package io.brokergate.trade.orders;

import io.brokergate.api.security.Caller;

/** Who sent a trading request and from where, for the audit trail and per-key risk limits. */
public record RequestOrigin(Caller caller, String sourceAddress) {
}
