package io.brokergate.longport.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of one LongPort socket. Defaults follow the official SDK (connect and auth 5 s, requests
 * 30 s) plus our own liveness rule: a cmd-1 heartbeat every {@code heartbeatInterval}, and a
 * socket on which nothing arrived for {@code idleTimeout} is treated as dead and replaced.
 *
 * @param language sent as {@code Accept-Language} on the upgrade and as quote auth metadata
 */
public record SocketSettings(
        Duration connectTimeout,
        Duration authTimeout,
        Duration requestTimeout,
        Duration heartbeatInterval,
        Duration idleTimeout,
        Duration backoffBase,
        Duration backoffCap,
        String language) {

    public SocketSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        language = language == null || language.isBlank() ? "en" : language;
        if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout must exceed heartbeatInterval, or every socket looks dead");
        }
        if (requestTimeout.toMillis() > 60_000 || authTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("request timeouts travel as u16 milliseconds: at most 60 s");
        }
    }

    public static SocketSettings defaults() {
        return new SocketSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(15), Duration.ofSeconds(50), Duration.ofMillis(200), Duration.ofSeconds(10), "en");
    }

    public SocketSettings withHeartbeat(Duration interval, Duration idle) {
        return new SocketSettings(connectTimeout, authTimeout, requestTimeout, interval, idle, backoffBase, backoffCap,
                language);
    }

    public SocketSettings withBackoff(Duration base, Duration cap) {
        return new SocketSettings(connectTimeout, authTimeout, requestTimeout, heartbeatInterval, idleTimeout, base,
                cap, language);
    }

    public SocketSettings withRequestTimeout(Duration timeout) {
        return new SocketSettings(connectTimeout, authTimeout, timeout, heartbeatInterval, idleTimeout, backoffBase,
                backoffCap, language);
    }

    public Backoff newBackoff() {
        return new Backoff(backoffBase, 2.0, backoffCap);
    }
}
