package io.brokergate.sim.market;

import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.TickSchedule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One instrument of the simulated market: reference data plus how its price behaves.
 *
 * @param startPrice       where the live price starts; also the last close of the generated history
 * @param annualVolatility annualised volatility of the price process (0.3 = 30 %)
 * @param maxOrderQuantity largest quantity one order may have, in shares
 * @param levelLots        typical size of one ladder level, in lots (deeper levels are larger)
 */
public record SimInstrument(
        Instrument instrument,
        BigDecimal startPrice,
        double annualVolatility,
        long maxOrderQuantity,
        int levelLots) {

    /** Quantity cap is expressed in lots so it scales with the board lot (100,000 lots). */
    public static final long DEFAULT_MAX_ORDER_LOTS = 100_000;

    public SimInstrument {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(startPrice, "startPrice");
        if (startPrice.signum() <= 0) {
            throw new IllegalArgumentException("start price must be positive");
        }
        if (!(annualVolatility >= 0 && annualVolatility < 5)) {
            throw new IllegalArgumentException("annual volatility must be in [0, 5)");
        }
        if (maxOrderQuantity <= 0) {
            throw new IllegalArgumentException("max order quantity must be positive");
        }
        if (levelLots <= 0) {
            throw new IllegalArgumentException("level lots must be positive");
        }
        if (instrument.lotSize().stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("the simulator trades whole shares; lot size must be an integer");
        }
        TickTable.of(instrument.ticks()); // fails early on a tick the engine cannot represent
        if (!instrument.ticks().isOnTick(startPrice)) {
            throw new IllegalArgumentException("start price " + startPrice + " of " + instrument.id() + " is not on its tick schedule");
        }
    }

    /**
     * A stock with the tick table of its market and a ladder sized to roughly a fixed notional per level.
     *
     * @param symbol canonical id such as {@code 700.HK}
     */
    public static SimInstrument stock(String symbol, String name, long lotSize, String startPrice, double annualVolatility) {
        InstrumentId id = InstrumentId.parse(symbol);
        Instrument instrument = new Instrument(id, name, InstrumentType.STOCK, id.market().currency(),
                BigDecimal.valueOf(lotSize), ticksOf(id.market()));
        BigDecimal price = new BigDecimal(startPrice);
        return new SimInstrument(instrument, price, annualVolatility, lotSize * DEFAULT_MAX_ORDER_LOTS,
                levelLotsFor(id.market(), lotSize, price));
    }

    /** An index: quoted and charted, never traded. */
    public static SimInstrument index(String symbol, String name, String startPrice, double annualVolatility) {
        InstrumentId id = InstrumentId.parse(symbol);
        Instrument instrument = new Instrument(id, name, InstrumentType.INDEX, id.market().currency(),
                BigDecimal.ONE, TickSchedule.fixed(new BigDecimal("0.01")));
        return new SimInstrument(instrument, new BigDecimal(startPrice), annualVolatility, 1, 1);
    }

    public InstrumentId id() {
        return instrument.id();
    }

    public long lotSize() {
        return instrument.lotSize().longValueExact();
    }

    public SimInstrument withStartPrice(BigDecimal price) {
        return new SimInstrument(instrument, price, annualVolatility, maxOrderQuantity, levelLots);
    }

    public SimInstrument withVolatility(double volatility) {
        return new SimInstrument(instrument, startPrice, volatility, maxOrderQuantity, levelLots);
    }

    public SimInstrument withMaxOrderQuantity(long quantity) {
        return new SimInstrument(instrument, startPrice, annualVolatility, quantity, levelLots);
    }

    public SimInstrument withLevelLots(int lots) {
        return new SimInstrument(instrument, startPrice, annualVolatility, maxOrderQuantity, lots);
    }

    /** Real tick tables: HKEX spread table, US Rule 612, A-shares 0.01. */
    public static TickSchedule ticksOf(Market market) {
        switch (market) {
            case HK:
                return TickSchedule.HKEX;
            case US:
                return TickSchedule.US_EQUITY;
            case SH:
            case SZ:
                return TickSchedule.CN_A_SHARE;
            default:
                throw new IllegalArgumentException("the simulator has no tick table for market " + market);
        }
    }

    // Roughly what one visible level is worth on a liquid name of each market, in its currency.
    private static int levelLotsFor(Market market, long lotSize, BigDecimal price) {
        BigDecimal target;
        switch (market) {
            case HK:
                target = BigDecimal.valueOf(400_000);
                break;
            case US:
                target = BigDecimal.valueOf(50_000);
                break;
            default:
                target = BigDecimal.valueOf(300_000);
                break;
        }
        BigDecimal lotValue = price.multiply(BigDecimal.valueOf(lotSize));
        return Math.max(1, target.divide(lotValue, 0, RoundingMode.HALF_UP).intValue());
    }
}
