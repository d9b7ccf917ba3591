package io.brokergate.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Price-dependent minimum price increments, such as HKEX's spread table. A price is valid when it
 * is a whole number of ticks of the tier it falls into.
 */
public record TickSchedule(List<Tier> tiers) {

    /** From {@code from} (inclusive) upwards the tick is {@code tick}, until the next tier. */
    public record Tier(BigDecimal from, BigDecimal tick) {
        public Tier {
            Objects.requireNonNull(from, "from");
            if (tick == null || tick.signum() <= 0) {
                throw new IllegalArgumentException("tick must be positive");
            }
        }
    }

    /** HKEX spread table (Part A), 0.01 to 9,995. */
    public static final TickSchedule HKEX = of(
            "0.01", "0.001", "0.25", "0.005", "0.5", "0.01", "10", "0.02", "20", "0.05", "100", "0.1",
            "200", "0.2", "500", "0.5", "1000", "1", "2000", "2", "5000", "5");

    /** US equities (Reg NMS Rule 612): 0.0001 below one dollar, 0.01 from one dollar. */
    public static final TickSchedule US_EQUITY = of("0", "0.0001", "1", "0.01");

    /** Shanghai and Shenzhen A-shares. */
    public static final TickSchedule CN_A_SHARE = of("0", "0.01");

    /** NSE/BSE cash equities. */
    public static final TickSchedule INDIA_EQUITY = of("0", "0.05");

    public TickSchedule {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("a tick schedule needs at least one tier");
        }
        tiers = List.copyOf(tiers);
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).from().compareTo(tiers.get(i - 1).from()) <= 0) {
                throw new IllegalArgumentException("tiers must be in ascending order of price");
            }
        }
    }

    public static TickSchedule fixed(BigDecimal tick) {
        return new TickSchedule(List.of(new Tier(BigDecimal.ZERO, tick)));
    }

    /** Pairs of {@code from, tick} as decimal strings. */
    public static TickSchedule of(String... fromTickPairs) {
        if (fromTickPairs.length % 2 != 0) {
            throw new IllegalArgumentException("expected pairs of from and tick");
        }
        Tier[] tiers = new Tier[fromTickPairs.length / 2];
        for (int i = 0; i < tiers.length; i++) {
            tiers[i] = new Tier(new BigDecimal(fromTickPairs[2 * i]), new BigDecimal(fromTickPairs[2 * i + 1]));
        }
        return new TickSchedule(List.of(tiers));
    }

    /** The tick that applies at {@code price}; prices below the first tier use the first tier. */
    public BigDecimal tickAt(BigDecimal price) {
        Tier found = tiers.get(0);
        for (Tier t : tiers) {
            if (price.compareTo(t.from()) >= 0) {
                found = t;
            } else {
                break;
            }
        }
        return found.tick();
    }

    public boolean isOnTick(BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            return false;
        }
        return price.remainder(tickAt(price)).signum() == 0;
    }

    /** Rounds to the nearest valid price in the given direction (used by market generators). */
    public BigDecimal round(BigDecimal price, RoundingMode mode) {
        BigDecimal tick = tickAt(price);
        BigDecimal rounded = price.divide(tick, 0, mode).multiply(tick);
        if (rounded.signum() <= 0) {
            rounded = tick;
        }
        return rounded.stripTrailingZeros().scale() < 0 ? rounded.setScale(0) : rounded.stripTrailingZeros();
    }

    /** The price {@code n} ticks away (negative n moves down); crosses tier boundaries tick by tick. */
    public BigDecimal step(BigDecimal price, int n) {
        BigDecimal p = price;
        int dir = Integer.signum(n);
        for (int i = 0; i < Math.abs(n); i++) {
            BigDecimal tick = dir > 0 ? tickAt(p) : tickAt(p.subtract(tickAt(p).min(p)).max(BigDecimal.ZERO));
            BigDecimal next = dir > 0 ? p.add(tick) : p.subtract(tick);
            if (next.signum() <= 0) {
                return p;
            }
            p = next;
        }
        return p;
    }
}
