package io.brokergate.trade.risk;

/**
 * The admission times (epoch milliseconds) of a scope's most recent orders, at most as many as
 * its rate limit, in a ring: a sliding-window log. Exact ("never more than N in any window"), a
 * fixed array per scope, no allocation per order, and the wait until the next slot frees is known
 * to the millisecond for Retry-After. Not thread-safe: guarded by the tenant's lock.
 */
final class OrderRateWindow {

    private long[] times = new long[0];
    private int oldest;
    private int size;

    /** Milliseconds until one more order fits the rate; 0 when it fits now. */
    long waitMillis(OrderRate rate, long nowMillis) {
        if (times.length != rate.limit()) {
            resize(rate.limit());
        }
        if (size < times.length) {
            return 0;
        }
        long window = rate.windowMillis();
        long wait = times[oldest] + window - nowMillis;
        // a clock that stepped back must not produce a wait longer than the window itself
        return wait <= 0 ? 0 : Math.min(wait, window);
    }

    /** Records an admission; call only after {@link #waitMillis} returned 0 under the same lock. */
    void record(long nowMillis) {
        if (size < times.length) {
            times[(oldest + size) % times.length] = nowMillis;
            size++;
        } else {
            times[oldest] = nowMillis;
            oldest = (oldest + 1) % times.length;
        }
    }

    /** A changed limit keeps the most recent admissions, so raising or lowering it never resets the window. */
    private void resize(int capacity) {
        long[] next = new long[capacity];
        int kept = Math.min(size, capacity);
        for (int i = 0; i < kept; i++) {
            next[i] = times[(oldest + size - kept + i) % times.length];
        }
        times = next;
        oldest = 0;
        size = kept;
    }
}
