package io.brokergate.sim.accounts;

/** Cash of one account in one currency, in fixed-point units. */
final class CashLedger {

    final String currency;
    long cash;
    /** Reserved by open buy orders: not available for new orders. */
    long frozen;
    long realizedPnl;

    CashLedger(String currency, long cash) {
        this.currency = currency;
        this.cash = cash;
    }

    long available() {
        return cash - frozen;
    }
}
