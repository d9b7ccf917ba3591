package io.brokergate.core.spi;

/** Life of a push session's socket, reported to listeners on every change. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /** The socket dropped; the session is trying again with backoff. */
    RECONNECTING,
    /** Connected again, subscriptions restored and missed order events reconciled. */
    RESTORED,
    /** Pushes stopped arriving although the socket is open. */
    STALLED,
    CLOSED
}
