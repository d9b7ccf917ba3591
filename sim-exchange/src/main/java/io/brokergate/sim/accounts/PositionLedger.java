package io.brokergate.sim.accounts;

import io.brokergate.core.instrument.InstrumentId;

/**
 * Holding of one instrument. {@code costBasis} has the sign of {@code quantity} and includes the fees
 * paid to open, so {@code costBasis / quantity} is the break-even price.
 */
final class PositionLedger {

    final InstrumentId instrument;
    final String currency;
    long quantity;
    long costBasis;
    /** Shares promised to open sell orders. */
    long reserved;
    long realizedPnl;

    PositionLedger(InstrumentId instrument, String currency) {
        this.instrument = instrument;
        this.currency = currency;
    }
}
