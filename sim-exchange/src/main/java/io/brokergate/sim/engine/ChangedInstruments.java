package io.brokergate.sim.engine;

import java.util.Arrays;

/**
 * Which instruments the command in progress changed, so that only their quotes and depth are
 * rebuilt and pushed when it ends. Engine thread only.
 */
final class ChangedInstruments {

    private final boolean[] changed;

    /** Every instrument starts marked, so that the first publication covers them all. */
    ChangedInstruments(int instruments) {
        this.changed = new boolean[instruments];
        Arrays.fill(changed, true);
    }

    void mark(int instrument) {
        changed[instrument] = true;
    }

    /** Marks the order's instrument; an order for an unknown symbol has none. */
    void mark(OrderRecord r) {
        if (r.market != null) {
            changed[r.market.index()] = true;
        }
    }

    /** Whether the instrument was marked, clearing the mark. */
    boolean take(int instrument) {
        if (!changed[instrument]) {
            return false;
        }
        changed[instrument] = false;
        return true;
    }
}
