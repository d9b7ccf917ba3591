package io.brokergate.stream.fanout;

import io.vertx.core.Context;
import java.util.Arrays;

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
        Context context = s.outbox().transport().eventLoop();
        Group[] cur = groups;
        Group[] next = null;
        for (int i = 0; i < cur.length; i++) {
            if (cur[i].context() == context) {
                next = cur.clone();
                next[i] = new Group(context, append(cur[i].sessions(), s));
                break;
            }
        }
        if (next == null) {
            next = Arrays.copyOf(cur, cur.length + 1);
            next[cur.length] = new Group(context, new ClientSession[] {s});
        }
        set(next, append(sessions, s));
    }

    void remove(ClientSession s) {
        ClientSession[] all = without(sessions, s);
        if (all == null) {
            return;
        }
        Group[] cur = groups;
        Group[] next = cur;
        for (int i = 0; i < cur.length; i++) {
            ClientSession[] rest = without(cur[i].sessions(), s);
            if (rest != null) {
                next = rest.length > 0 ? cur.clone() : without(cur, i);
                if (rest.length > 0) {
                    next[i] = new Group(cur[i].context(), rest);
                }
                break;
            }
        }
        set(next, all);
    }

    /** The groups are written before the sessions: a reader of either sees a consistent set. */
    private void set(Group[] nextGroups, ClientSession[] nextSessions) {
        groups = nextGroups;
        sessions = nextSessions;
    }

    private static ClientSession[] append(ClientSession[] a, ClientSession s) {
        ClientSession[] next = Arrays.copyOf(a, a.length + 1);
        next[a.length] = s;
        return next;
    }

    /** A copy without {@code s}, or null when it is not there. */
    private static ClientSession[] without(ClientSession[] a, ClientSession s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == s) {
                ClientSession[] next = new ClientSession[a.length - 1];
                System.arraycopy(a, 0, next, 0, i);
                System.arraycopy(a, i + 1, next, i, a.length - i - 1);
                return next;
            }
        }
        return null;
    }

    private static Group[] without(Group[] a, int i) {
        Group[] next = new Group[a.length - 1];
        System.arraycopy(a, 0, next, 0, i);
        System.arraycopy(a, i + 1, next, i, a.length - i - 1);
        return next;
    }
}
