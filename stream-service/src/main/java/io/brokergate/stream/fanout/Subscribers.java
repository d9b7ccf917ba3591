package io.brokergate.stream.fanout;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copy-on-write array of sessions: subscribe and unsubscribe copy, dispatch iterates the current
 * array without allocating. The sessions are also kept grouped by the event loop their connection
 * writes on, so that market data reaches each event loop as one task instead of one cross-thread
 * write per client. Guarded by the owning feed's lock for writes.
 */
final class Subscribers {

    private static final ClientSession[] NONE = new ClientSession[0];
    private static final Group[] NO_GROUPS = new Group[0];

    /** Sessions writing on one event loop ({@code context} null: dispatched on the caller's thread). */
    record Group(Context context, ClientSession[] sessions) {
    }

    private volatile ClientSession[] sessions = NONE;
    private volatile Group[] groups = NO_GROUPS;

    ClientSession[] current() {
        return sessions;
    }

    Group[] byEventLoop() {
        return groups;
    }

    boolean isEmpty() {
        return sessions.length == 0;
    }

    void add(ClientSession s) {
        for (ClientSession existing : sessions) {
            if (existing == s) {
                return;
            }
        }
        ClientSession[] next = Arrays.copyOf(sessions, sessions.length + 1);
        next[sessions.length] = s;
        set(next);
    }

    void remove(ClientSession s) {
        ClientSession[] cur = sessions;
        for (int i = 0; i < cur.length; i++) {
            if (cur[i] == s) {
                ClientSession[] next = new ClientSession[cur.length - 1];
                System.arraycopy(cur, 0, next, 0, i);
                System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
                set(next);
                return;
            }
        }
    }

    private void set(ClientSession[] next) {
        Map<Context, List<ClientSession>> byContext = new LinkedHashMap<>();
        for (ClientSession s : next) {
            byContext.computeIfAbsent(s.outbox().transport().eventLoop(), c -> new ArrayList<>()).add(s);
        }
        Group[] g = new Group[byContext.size()];
        int i = 0;
        for (Map.Entry<Context, List<ClientSession>> e : byContext.entrySet()) {
            g[i++] = new Group(e.getKey(), e.getValue().toArray(NONE));
        }
        groups = g; // written before the sessions: a reader of either sees a consistent set
        sessions = next;
    }
}
