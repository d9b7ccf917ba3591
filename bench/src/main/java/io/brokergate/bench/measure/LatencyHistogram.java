package io.brokergate.bench.measure;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies of one run, recorded without locks: a log-linear histogram in microseconds (1 µs
 * resolution up to 1 ms, then 1 % relative), shared by the recording threads.
 */
public final class LatencyHistogram {

    private static final int LINEAR = 1024;
    private static final int LOG_BUCKETS = 1500; // 1 ms × 1.01^1500 ≈ 3 h: no latency falls off the end
    private final java.util.concurrent.atomic.AtomicLongArray buckets = new java.util.concurrent.atomic.AtomicLongArray(LINEAR + LOG_BUCKETS);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        buckets.incrementAndGet(bucket(micros));
        count.incrementAndGet();
        long m;
        while (micros > (m = max.get()) && !max.compareAndSet(m, micros)) {
            // retry
        }
    }

    public long count() {
        return count.get();
    }

    /** Percentile in milliseconds. */
    public double percentileMillis(double p) {
        long total = count.get();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return upperMicros(i) / 1000.0;
            }
        }
        return max.get() / 1000.0;
    }

    public double maxMillis() {
        return max.get() / 1000.0;
    }

    private static int bucket(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int i = LINEAR + (int) (Math.log((double) micros / LINEAR) / Math.log(1.01));
        return Math.min(i, LINEAR + LOG_BUCKETS - 1);
    }

    private static double upperMicros(int bucket) {
        return bucket < LINEAR ? bucket + 1 : LINEAR * Math.pow(1.01, bucket - LINEAR + 1);
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {percentileMillis(50), percentileMillis(99), maxMillis()});
    }
}
