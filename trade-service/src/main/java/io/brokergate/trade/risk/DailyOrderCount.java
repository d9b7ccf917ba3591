package io.brokergate.trade.risk;

/**
 * Orders of one scope on its current local day. {@code count} is what the limit is checked
 * against: this pod's orders plus those other pods had written to the database at the last sync.
 * {@code unflushed} are this pod's orders not yet written. Not thread-safe: guarded by the
 * tenant's lock.
 */
final class DailyOrderCount {

    static final long NO_DAY = Long.MIN_VALUE;

    private long day = NO_DAY;
    private long count;
    private long unflushed;

    long day() {
        return day;
    }

    long count() {
        return count;
    }

    /**
     * Starts {@code today} from {@code known} orders (other pods', or this pod's before a restart).
     * @return the previous day's orders not yet written, which the caller must still write
     */
    long rollTo(long today, long known) {
        long carried = day == NO_DAY ? 0 : unflushed;
        day = today;
        count = known;
        unflushed = 0;
        return carried;
    }

    void add() {
        count++;
        unflushed++;
    }

    /** Hands the unwritten orders to the writer. */
    long drain() {
        long d = unflushed;
        unflushed = 0;
        return d;
    }

    /** The database's total for the day includes every drained order of this pod; ones admitted since are on top. */
    void merge(long databaseTotal) {
        count = Math.max(count, databaseTotal + unflushed);
    }
}
