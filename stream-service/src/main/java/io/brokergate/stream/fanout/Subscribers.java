package io.brokergate.stream.fanout;

import java.util.Arrays;

/**
 * Copy-on-write array of sessions: subscribe and unsubscribe copy, dispatch iterates the current
 * array without allocating. Guarded by the owning feed's lock for writes.
 */
final class Subscribers {

    private static final ClientSession[] NONE = new ClientSession[0];

    private volatile ClientSession[] sessions = NONE;

    ClientSession[] current() {
        return sessions;
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
        sessions = next;
    }

    void remove(ClientSession s) {
        ClientSession[] cur = sessions;
        for (int i = 0; i < cur.length; i++) {
            if (cur[i] == s) {
                ClientSession[] next = new ClientSession[cur.length - 1];
                System.arraycopy(cur, 0, next, 0, i);
                System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
                sessions = next;
                return;
            }
        }
    }
}
