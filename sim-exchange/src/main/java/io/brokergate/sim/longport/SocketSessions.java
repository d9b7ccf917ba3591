package io.brokergate.sim.longport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Socket sessions created by Auth (cmd 2) and resumed by Reconnect (cmd 3) while they are valid.
 * A session belongs to an account, not to a connection: that is what lets a new connection resume
 * it. Event loop only.
 */
final class SocketSessions {

    record Session(String id, String accountNo, long expiresAtMillis) {
    }

    private final long lifetimeMillis;
    private final Map<String, Session> byId = new HashMap<>();

    SocketSessions(Duration lifetime) {
        this.lifetimeMillis = lifetime.toMillis();
    }

    Session create(String accountNo, long nowMillis) {
        if (byId.size() > 10_000) {
            prune(nowMillis);
        }
        Session s = new Session(RandomTokens.next(24), accountNo, nowMillis + lifetimeMillis);
        byId.put(s.id(), s);
        return s;
    }

    Optional<Session> valid(String id, long nowMillis) {
        Session s = id == null ? null : byId.get(id);
        if (s == null || s.expiresAtMillis() <= nowMillis) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void prune(long nowMillis) {
        for (Iterator<Session> it = byId.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMillis() <= nowMillis) {
                it.remove();
            }
        }
    }
}
