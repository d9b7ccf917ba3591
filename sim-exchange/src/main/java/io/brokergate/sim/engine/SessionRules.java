package io.brokergate.sim.engine;

import io.brokergate.core.instrument.Market;
import io.brokergate.sim.market.InstrumentMarket;
import io.brokergate.sim.market.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What {@link SimConfig#enforceSessions()} means for trading: whether a market counts as open, and
 * when a trading day ends for Day and good-till-date orders. Without enforcement every market is
 * always open and a day ends at local midnight. Safe from any thread (the calendar is immutable).
 */
final class SessionRules {

    private final boolean enforced;
    private final TradingCalendar calendar;

    SessionRules(boolean enforced, TradingCalendar calendar) {
        this.enforced = enforced;
        this.calendar = calendar;
    }

    boolean isOpen(Market market, Instant at) {
        return !enforced || calendar.isOpen(market, at);
    }

    /** When an order working until the end of {@code day} in this instrument's market expires. */
    Instant endOfDay(InstrumentMarket m, LocalDate day) {
        return enforced ? calendar.closeOf(m.market(), day) : TradingCalendar.startOfNextDay(m.zone(), day);
    }
}
