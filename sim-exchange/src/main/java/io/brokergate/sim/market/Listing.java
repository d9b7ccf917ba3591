package io.brokergate.sim.market;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The markets of the listed instruments, addressed by index (the matching engine's numbering, in
 * configuration order) and by id.
 *
 * <p><b>Threading:</b> the markets themselves belong to the engine thread. Which instruments are
 * listed never changes after construction, so {@link #find}, {@link #instrument} and
 * {@link #instruments} may be read from any thread once the owner has been safely published.
 */
public final class Listing {

    private final InstrumentMarket[] markets;
    private final Map<InstrumentId, InstrumentMarket> byId;
    private final List<Instrument> instruments;

    /** Builds every instrument's market, with generated history up to the trading day of {@code start}. */
    public Listing(List<SimInstrument> listed, MarketSettings settings, TradingCalendar calendar, Instant start) {
        int n = listed.size();
        this.markets = new InstrumentMarket[n];
        Map<InstrumentId, InstrumentMarket> ids = new LinkedHashMap<>();
        List<Instrument> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SimInstrument si = listed.get(i);
            LocalDate startDate = start.atZone(si.id().market().zone()).toLocalDate();
            InstrumentMarket m = new InstrumentMarket(i, si, settings, calendar, startDate);
            markets[i] = m;
            ids.put(si.id(), m);
            list.add(si.instrument());
        }
        this.byId = ids;
        this.instruments = Collections.unmodifiableList(list);
    }

    public int size() {
        return markets.length;
    }

    public InstrumentMarket at(int index) {
        return markets[index];
    }

    /** The instrument's market, or null when it is not listed. */
    public InstrumentMarket find(InstrumentId id) {
        return byId.get(id);
    }

    /** The instrument's market, or {@code not_found}. */
    public InstrumentMarket require(InstrumentId id) {
        InstrumentMarket m = id == null ? null : byId.get(id);
        if (m == null) {
            throw GatewayException.notFound("unknown instrument " + id);
        }
        return m;
    }

    public Optional<Instrument> instrument(InstrumentId id) {
        InstrumentMarket m = byId.get(id);
        return m == null ? Optional.empty() : Optional.of(m.instrument());
    }

    /** Listed instruments, in configuration order. Immutable. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Last trade price in engine units, 0 for an instrument that is not listed (account valuation). */
    public long lastPrice(InstrumentId id) {
        InstrumentMarket m = byId.get(id);
        return m == null ? 0 : m.last();
    }
}
