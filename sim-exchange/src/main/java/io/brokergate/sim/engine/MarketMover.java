package io.brokergate.sim.engine;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.sim.market.FixedPoint;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.Listing;
import io.brokergate.sim.matching.MatchingEngine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Moves the simulated markets, by generator steps and by admin price moves, and settles every move
 * against the resting client orders. Engine thread only.
 */
final class MarketMover {

    private final Listing listing;
    private final MatchingEngine matching;
    private final SessionRules sessions;
    private final PrintRecorder prints;
    private final ChangedInstruments changed;
    private final CommandTime time;
    /** Whether each market was open at the last step: a change republishes its quote (the phase). */
    private final boolean[] wasOpen;
    private boolean paused;

    /** Lets the matching engine trade against each tradable market's ladder from its start price. */
    MarketMover(Listing listing, MatchingEngine matching, SessionRules sessions, PrintRecorder prints,
            ChangedInstruments changed, CommandTime time) {
        this.listing = listing;
        this.matching = matching;
        this.sessions = sessions;
        this.prints = prints;
        this.changed = changed;
        this.time = time;
        this.wasOpen = new boolean[listing.size()];
        for (int i = 0; i < listing.size(); i++) {
            InstrumentMarket m = listing.at(i);
            if (m.isTradable()) {
                matching.attachLadder(i, m.ladder());
            }
            matching.setLastPrice(i, m.last());
            wasOpen[i] = sessions.isOpen(m.market(), time.now());
        }
    }

    /** Pauses or resumes the steps driven by {@link #tick()}; {@link #step()} still runs. */
    void setPaused(boolean paused) {
        this.paused = paused;
    }

    boolean isPaused() {
        return paused;
    }

    /** The runtime driver's step: one generator step unless paused. */
    void tick() {
        if (!paused) {
            step();
        }
    }

    /** Advances every open market one generator step; a closed one only rolls its trading day. */
    void step() {
        for (int i = 0; i < listing.size(); i++) {
            InstrumentMarket m = listing.at(i);
            boolean open = sessions.isOpen(m.market(), time.now());
            if (open != wasOpen[i]) {
                wasOpen[i] = open;
                changed.mark(i);
            }
            if (!open) {
                m.rollDay(time.millis());
                continue;
            }
            m.step(time.millis());
            settle(m);
        }
    }

    /**
     * Moves an instrument to (the nearest valid price to) {@code price}.
     *
     * @return the price actually used
     */
    BigDecimal moveTo(InstrumentId id, BigDecimal price) {
        InstrumentMarket m = listing.require(id);
        if (price == null || price.signum() <= 0 || price.compareTo(OrderRequest.MAX_PRICE) > 0) {
            throw GatewayException.invalid("price must be positive and at most " + OrderRequest.MAX_PRICE);
        }
        long p = m.moveTo(FixedPoint.toUnits(price, RoundingMode.HALF_UP), time.millis());
        settle(m);
        return FixedPoint.toDecimal(p);
    }

    /**
     * After the market rebuilt its ladder and produced its prints: resting orders the new ladder
     * crosses fill first (the market traded through them on its way), then the market's own prints go
     * on the tape, so the last price is where the market went; stops are checked against both.
     */
    private void settle(InstrumentMarket m) {
        int count = m.printCount();
        if (m.isTradable()) {
            matching.onMarketMoved(m.index(), count > 0 ? m.printPrice(0) : 0);
        }
        for (int i = 0; i < count; i++) {
            prints.record(m, m.printPrice(i), m.printQuantity(i), m.printAggressor(i));
        }
        if (m.isTradable() && count > 0) {
            matching.onMarketMoved(m.index(), m.last());
        }
        changed.mark(m.index());
    }
}
