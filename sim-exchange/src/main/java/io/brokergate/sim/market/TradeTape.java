package io.brokergate.sim.market;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The most recent prints of one instrument, in a fixed-size ring of primitives. */
public final class TradeTape {

    private final long[] time;
    private final long[] price;
    private final long[] quantity;
    private final byte[] aggressor;
    private int next;
    private int size;

    public TradeTape(int capacity) {
        time = new long[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
        aggressor = new byte[capacity];
    }

    public void add(long timeMillis, long tradePrice, long tradeQuantity, TradeTick.Aggressor side) {
        if (time.length == 0) {
            return;
        }
        time[next] = timeMillis;
        price[next] = tradePrice;
        quantity[next] = tradeQuantity;
        aggressor[next] = (byte) side.ordinal();
        next = (next + 1) % time.length;
        size = Math.min(size + 1, time.length);
    }

    public int size() {
        return size;
    }

    /** Up to {@code count} most recent prints, oldest first. */
    public List<TradeTick> recent(InstrumentId instrument, int count) {
        int n = Math.min(Math.max(count, 0), size);
        List<TradeTick> out = new ArrayList<>(n);
        TradeTick.Aggressor[] sides = TradeTick.Aggressor.values();
        for (int k = n; k >= 1; k--) {
            int i = Math.floorMod(next - k, time.length);
            out.add(new TradeTick(instrument, FixedPoint.toDecimal(price[i]), FixedPoint.quantity(quantity[i]),
                    Instant.ofEpochMilli(time[i]), sides[aggressor[i]], SessionType.REGULAR));
        }
        return out;
    }
}
