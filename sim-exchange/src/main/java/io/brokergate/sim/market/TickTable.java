package io.brokergate.sim.market;

import io.brokergate.core.instrument.TickSchedule;
import java.util.List;

/**
 * A {@link TickSchedule} in fixed-point units, for the engine's hot path. Semantics match the core
 * type: a price is valid when it is a positive whole multiple of the tick of the tier it falls into.
 */
public final class TickTable {

    private final long[] from;
    private final long[] tick;

    private TickTable(long[] from, long[] tick) {
        this.from = from;
        this.tick = tick;
    }

    /**
     * Converts a schedule; every tier start must be a multiple of its own tick, which keeps rounding
     * inside one tier (true of HKEX, US and CN tables).
     */
    public static TickTable of(TickSchedule schedule) {
        List<TickSchedule.Tier> tiers = schedule.tiers();
        long[] from = new long[tiers.size()];
        long[] tick = new long[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            TickSchedule.Tier t = tiers.get(i);
            if (!FixedPoint.isRepresentable(t.tick()) || !FixedPoint.isRepresentable(t.from())) {
                throw new IllegalArgumentException("tick " + t.tick() + " is finer than the engine's 1e-4 units");
            }
            from[i] = FixedPoint.toUnits(t.from());
            tick[i] = FixedPoint.toUnits(t.tick());
            if (from[i] % tick[i] != 0) {
                throw new IllegalArgumentException("tier start " + t.from() + " is not a multiple of its tick " + t.tick());
            }
        }
        return new TickTable(from, tick);
    }

    /** The tick at {@code price}; prices below the first tier use the first tier. */
    public long tickAt(long price) {
        int i = from.length - 1;
        while (i > 0 && price < from[i]) {
            i--;
        }
        return tick[i];
    }

    public boolean isOnTick(long price) {
        return price > 0 && price % tickAt(price) == 0;
    }

    /** Smallest valid price. */
    public long minPrice() {
        return tick[0];
    }

    /** Next valid price above a valid price. */
    public long up(long price) {
        return price + tickAt(price);
    }

    /** Next valid price below a valid price, or the price itself when there is none above zero. */
    public long down(long price) {
        // The tick just below a tier boundary belongs to the lower tier (10.00 steps down to 9.99 on HKEX).
        long next = price - tickAt(price - 1);
        return next > 0 ? next : price;
    }

    public long up(long price, int steps) {
        long p = price;
        for (int i = 0; i < steps; i++) {
            p = up(p);
        }
        return p;
    }

    public long down(long price, int steps) {
        long p = price;
        for (int i = 0; i < steps; i++) {
            p = down(p);
        }
        return p;
    }

    /** Largest valid price not above {@code price} (at least {@link #minPrice()}). */
    public long roundDown(long price) {
        if (price <= minPrice()) {
            return minPrice();
        }
        long t = tickAt(price);
        return price - Math.floorMod(price, t);
    }

    /** Smallest valid price not below {@code price}. */
    public long roundUp(long price) {
        long down = roundDown(price);
        return down >= price ? down : up(down);
    }

    /** Nearest valid price; halfway rounds down. */
    public long nearest(long price) {
        long down = roundDown(price);
        if (down >= price) {
            return down;
        }
        long up = up(down);
        return price - down <= up - price ? down : up;
    }
}
