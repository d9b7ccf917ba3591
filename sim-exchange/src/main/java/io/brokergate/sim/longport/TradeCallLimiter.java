package io.brokergate.sim.longport;

import io.brokergate.sim.server.LongPortLimits;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * LongPort's trade API limit, per account: at most N calls in a sliding window and a minimum gap
 * between calls (longport.md §1.7). Only admitted calls count, so a client that backs off after a
 * 429 is not punished further. Event loop only.
 */
final class TradeCallLimiter {

    enum Verdict { ADMITTED, WINDOW_FULL, TOO_SOON }

    private final int callsPerWindow;
    private final long windowNanos;
    private final long minSpacingNanos;
    private final Map<String, ArrayDeque<Long>> admittedByAccount = new HashMap<>();

    TradeCallLimiter(LongPortLimits limits) {
        this.callsPerWindow = limits.tradeCallsPerWindow();
        this.windowNanos = limits.tradeWindow().toNanos();
        this.minSpacingNanos = limits.tradeMinSpacing().toNanos();
    }

    Verdict tryAdmit(String accountNo, long nowNanos) {
        ArrayDeque<Long> admitted = admittedByAccount.computeIfAbsent(accountNo, k -> new ArrayDeque<>());
        while (!admitted.isEmpty() && nowNanos - admitted.peekFirst() >= windowNanos) {
            admitted.pollFirst();
        }
        if (!admitted.isEmpty() && nowNanos - admitted.peekLast() < minSpacingNanos) {
            return Verdict.TOO_SOON;
        }
        if (admitted.size() >= callsPerWindow) {
            return Verdict.WINDOW_FULL;
        }
        admitted.addLast(nowNanos);
        return Verdict.ADMITTED;
    }
}
