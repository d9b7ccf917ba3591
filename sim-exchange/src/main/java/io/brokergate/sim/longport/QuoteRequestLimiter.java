package io.brokergate.sim.longport;

import java.util.HashMap;
import java.util.Map;

/**
 * LongPort's quote limit per account: a token bucket of N requests per second (burst N) and at most
 * M requests awaiting their response (longport.md §1.7). A refused request takes no token. Event loop only.
 */
final class QuoteRequestLimiter {

    private static final class Bucket {
        double tokens;
        long refilledAtNanos;
        int inFlight;
    }

    private final int perSecond;
    private final int maxInFlight;
    private final Map<String, Bucket> byAccount = new HashMap<>();

    QuoteRequestLimiter(int perSecond, int maxInFlight) {
        this.perSecond = perSecond;
        this.maxInFlight = maxInFlight;
    }

    /** @return true when admitted; the caller must then call {@link #finished} once it has replied */
    boolean tryStart(String accountNo, long nowNanos) {
        Bucket b = byAccount.computeIfAbsent(accountNo, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = perSecond;
            fresh.refilledAtNanos = nowNanos;
            return fresh;
        });
        double refill = (nowNanos - b.refilledAtNanos) / 1e9 * perSecond;
        b.tokens = Math.min(perSecond, b.tokens + refill);
        b.refilledAtNanos = nowNanos;
        if (b.inFlight >= maxInFlight || b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        b.inFlight++;
        return true;
    }

    void finished(String accountNo) {
        Bucket b = byAccount.get(accountNo);
        if (b != null && b.inFlight > 0) {
            b.inFlight--;
        }
    }
}
