package io.brokergate.sim.matching;

import java.util.ArrayList;
import java.util.Comparator;

/**
 * Orders waiting for their trigger, in two lists sorted so that the next order to fire is at the end
 * (cheap removal): orders that fire on a rise by descending trigger price, orders that fire on a fall
 * by ascending trigger price; among equal triggers the earlier order fires first.
 */
final class StopBook {

    private static final Comparator<BookOrder> RISING = Comparator
            .comparingLong((BookOrder o) -> -o.stopPrice).thenComparingLong(o -> -o.sequence);
    private static final Comparator<BookOrder> FALLING = Comparator
            .comparingLong((BookOrder o) -> o.stopPrice).thenComparingLong(o -> -o.sequence);

    private final ArrayList<BookOrder> rising = new ArrayList<>();
    private final ArrayList<BookOrder> falling = new ArrayList<>();

    void add(BookOrder order) {
        boolean up = order.triggersOnRise();
        ArrayList<BookOrder> list = up ? rising : falling;
        Comparator<BookOrder> order0 = up ? RISING : FALLING;
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order0.compare(list.get(mid), order) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        list.add(lo, order);
        order.state = BookOrder.State.WAITING_FOR_TRIGGER;
    }

    boolean remove(BookOrder order) {
        return (order.triggersOnRise() ? rising : falling).remove(order);
    }

    /** Removes and returns an order whose trigger {@code last} has reached, or null. */
    BookOrder pollTriggered(long last) {
        if (last <= 0) {
            return null;
        }
        if (!rising.isEmpty() && rising.get(rising.size() - 1).stopPrice <= last) {
            return rising.remove(rising.size() - 1);
        }
        if (!falling.isEmpty() && falling.get(falling.size() - 1).stopPrice >= last) {
            return falling.remove(falling.size() - 1);
        }
        return null;
    }

    int size() {
        return rising.size() + falling.size();
    }
}
