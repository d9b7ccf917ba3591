package io.brokergate.longport.trading;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@code X-Timestamp} values: Unix seconds with a millisecond fraction ({@code 1700000000.123}).
 * LongPort refuses a replay — the same request again with the same timestamp (403202) — so an
 * identical request within one millisecond gets a later one. Different requests share a
 * millisecond freely: a clock that ticked once per request, whatever the request, ran ahead of real
 * time above 1,000 calls per second, and after a minute at 2,000 per second (a relaxed paper
 * exchange) every request fell outside the broker's 60 s window (403201).
 */
public final class RequestClock {

    /** Requests remembered before the ones of past milliseconds (which can no longer collide) are dropped. */
    private static final int REMEMBERED = 4096;

    private final ConcurrentHashMap<Long, Long> lastByRequest = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    public RequestClock() {
        this(System::currentTimeMillis);
    }

    public RequestClock(LongSupplier millis) {
        this.millis = millis;
    }

    /**
     * @param request a fingerprint of what is signed besides the timestamp (method, path, query, body):
     *                equal for identical requests; two different requests with the same fingerprint
     *                only cost one of them a millisecond
     */
    public String next(long request) {
        long now = millis.getAsLong();
        long used = lastByRequest.merge(request, now, (prev, current) -> Math.max(current, prev + 1));
        if (lastByRequest.size() > REMEMBERED) {
            lastByRequest.values().removeIf(t -> t < now);
        }
        return format(used);
    }

    static String format(long epochMillis) {
        long ms = epochMillis % 1000;
        String frac = ms < 10 ? "00" + ms : ms < 100 ? "0" + ms : Long.toString(ms);
        return (epochMillis / 1000) + "." + frac;
    }
}
