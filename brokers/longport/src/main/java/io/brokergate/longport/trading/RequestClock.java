package io.brokergate.longport.trading;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code X-Timestamp} values: Unix seconds with a millisecond fraction ({@code 1700000000.123}),
 * strictly increasing per client. LongPort refuses a replayed timestamp (403202), so two identical
 * requests within one second, or even one millisecond, must still differ.
 */
public final class RequestClock {

    private final AtomicLong last = new AtomicLong();
    private final LongSupplier millis;

    public RequestClock() {
        this(System::currentTimeMillis);
    }

    public RequestClock(LongSupplier millis) {
        this.millis = millis;
    }

    public String next() {
        long now = millis.getAsLong();
        return format(last.updateAndGet(prev -> Math.max(now, prev + 1)));
    }

    static String format(long epochMillis) {
        long ms = epochMillis % 1000;
        String frac = ms < 10 ? "00" + ms : ms < 100 ? "0" + ms : Long.toString(ms);
        return (epochMillis / 1000) + "." + frac;
    }
}
