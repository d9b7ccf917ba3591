package io.brokergate.sim.longport;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers every accepted (app key, X-Timestamp, signature) for the timestamp window, so that a
 * replayed request gets 403202. A request signed again with a new timestamp is a new request.
 * Entries expire in arrival order because the window is constant, so a queue suffices. Event loop only.
 */
final class ReplayGuard {

    private record Seen(String key, long expiresAtMillis) {
    }

    private final long windowMillis;
    private final ArrayDeque<Seen> order = new ArrayDeque<>();
    private final Set<String> keys = new HashSet<>();

    ReplayGuard(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** @return false when the same triple was accepted within the window */
    boolean firstTime(String appKey, String timestamp, String signature, long nowMillis) {
        evict(nowMillis);
        String key = appKey + '\n' + timestamp + '\n' + signature;
        if (!keys.add(key)) {
            return false;
        }
        // A timestamp may be up to one window in the future, so it must be remembered for two.
        order.addLast(new Seen(key, nowMillis + 2 * windowMillis));
        return true;
    }

    int size() {
        return keys.size();
    }

    private void evict(long nowMillis) {
        while (!order.isEmpty() && order.peekFirst().expiresAtMillis() <= nowMillis) {
            keys.remove(order.pollFirst().key());
        }
    }
}
