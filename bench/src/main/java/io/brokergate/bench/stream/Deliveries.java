package io.brokergate.bench.stream;

import io.brokergate.bench.measure.LatencyHistogram;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one protocol received: quote events counted, and for each its latency from
 * the tick that caused it (the price names the tick). Parsing reads bytes, not JSON trees, so the
 * clients stay cheap next to the server under test.
 */
final class Deliveries {

    private static final byte[] EVENT = "{\"type\":\"event\"".getBytes();
    private static final byte[] LAST = "\"last\":".getBytes();

    private final TickSource ticks;
    private final LongAdder events = new LongAdder();
    private volatile LatencyHistogram latencies = new LatencyHistogram();

    Deliveries(TickSource ticks) {
        this.ticks = ticks;
    }

    /** Starts a new measurement window. */
    LatencyHistogram reset() {
        events.reset();
        latencies = new LatencyHistogram();
        return latencies;
    }

    long events() {
        return events.sum();
    }

    LatencyHistogram latencies() {
        return latencies;
    }

    /** One server message as JSON in {@code buf[from, to)}. */
    void message(Buffer buf, int from, int to, long receivedNanos) {
        if (!startsWith(buf, from, to, EVENT)) {
            return;
        }
        events.increment();
        int at = indexOf(buf, from, to, LAST);
        if (at < 0) {
            return;
        }
        long cents = cents(buf, at + LAST.length, to);
        int slot = TickSource.slotOf(cents);
        if (slot < 0) {
            return;
        }
        long sent = ticks.sentAt(slot);
        long latency = receivedNanos - sent;
        if (sent != 0 && latency >= 0) {
            latencies.record(latency);
        }
    }

    /** A decimal number with at most two fraction digits, in hundredths. */
    static long cents(Buffer buf, int from, int to) {
        long whole = 0;
        int fraction = -1;
        long frac = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (b >= '0' && b <= '9') {
                if (fraction < 0) {
                    whole = whole * 10 + (b - '0');
                } else if (fraction < 2) {
                    frac = frac * 10 + (b - '0');
                    fraction++;
                }
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (fraction == 1) {
            frac *= 10;
        }
        return whole * 100 + Math.max(frac, 0);
    }

    static boolean startsWith(Buffer buf, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf.getByte(from + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(Buffer buf, int from, int to, byte[] pattern) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buf.getByte(i + j) != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
