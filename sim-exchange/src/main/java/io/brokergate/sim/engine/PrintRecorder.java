package io.brokergate.sim.engine;

import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;

/**
 * Puts a print, the market's own trade or a client fill alike, into its instrument's statistics,
 * tape and candles, and pushes it. Engine thread only.
 */
final class PrintRecorder {

    private final CommandTime time;
    private final ChangedInstruments changed;
    private final SimEventListener events;

    PrintRecorder(CommandTime time, ChangedInstruments changed, SimEventListener events) {
        this.time = time;
        this.changed = changed;
        this.events = events;
    }

    void record(InstrumentMarket m, long price, long quantity, Side aggressor) {
        m.recordTrade(time.millis(), price, quantity, aggressor);
        if (m.isTradable()) {
            // An index "prints" its level, which is no trade anyone could take part in.
            events.onTrade(new TradeTick(m.id(), FixedPoint.toDecimal(price), FixedPoint.quantity(quantity), time.now(),
                    aggressor == Side.BUY ? TradeTick.Aggressor.BUYER : TradeTick.Aggressor.SELLER, SessionType.REGULAR));
        }
        changed.mark(m.index());
    }
}
