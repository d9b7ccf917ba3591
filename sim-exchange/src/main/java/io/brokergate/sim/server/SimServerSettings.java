package io.brokergate.sim.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run the sim-exchange server. Start from {@link #defaults()} and change what you need with
 * the {@code with...} methods.
 *
 * @param host               interface to bind and to put in the advertised URLs
 * @param port               TCP port for REST, WebSocket and admin; 0 picks a free port
 * @param seed               seed of the market generator: same seed, same prices
 * @param enforceSessions    the engine rejects orders (602006 market closed) and freezes the market outside
 *                           regular trading sessions; false (default) trades around the clock, which is what
 *                           demos and tests at any hour need
 * @param marketTickInterval how often the market generator moves prices
 * @param pingInterval       how often the server sends a WebSocket Ping (the SDK drops the link after 120 s without one)
 * @param idleTimeout        a socket from which nothing (not even a Pong) arrived for this long is closed
 * @param timestampWindow    allowed distance between X-Timestamp and the server clock; also the replay window
 * @param otpLifetime        validity of a socket OTP from {@code GET /v1/socket/token}
 * @param sessionLifetime    validity of a socket session: Reconnect (cmd 3) works until then; a live socket
 *                           is not cut when it ends
 * @param limits             LongPort rate and connection limits
 */
public record SimServerSettings(String host, int port, long seed, boolean enforceSessions,
                                Duration marketTickInterval, Duration pingInterval, Duration idleTimeout,
                                Duration timestampWindow, Duration otpLifetime, Duration sessionLifetime,
                                LongPortLimits limits) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final long DEFAULT_SEED = 42L;

    public SimServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        positive("marketTickInterval", marketTickInterval);
        positive("pingInterval", pingInterval);
        positive("idleTimeout", idleTimeout);
        positive("timestampWindow", timestampWindow);
        positive("otpLifetime", otpLifetime);
        positive("sessionLifetime", sessionLifetime);
        Objects.requireNonNull(limits, "limits");
    }

    public static SimServerSettings defaults() {
        return new SimServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SEED, false, Duration.ofMillis(500),
                Duration.ofSeconds(20), Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofHours(24), LongPortLimits.defaults());
    }

    public SimServerSettings withHost(String v) {
        return new SimServerSettings(v, port, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withPort(int v) {
        return new SimServerSettings(host, v, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withSeed(long v) {
        return new SimServerSettings(host, port, v, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withEnforceSessions(boolean v) {
        return new SimServerSettings(host, port, seed, v, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withMarketTickInterval(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, v, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withPingInterval(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, v, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withIdleTimeout(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, pingInterval, v,
                timestampWindow, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withTimestampWindow(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                v, otpLifetime, sessionLifetime, limits);
    }

    public SimServerSettings withOtpLifetime(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, v, sessionLifetime, limits);
    }

    public SimServerSettings withSessionLifetime(Duration v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, v, limits);
    }

    public SimServerSettings withLimits(LongPortLimits v) {
        return new SimServerSettings(host, port, seed, enforceSessions, marketTickInterval, pingInterval, idleTimeout,
                timestampWindow, otpLifetime, sessionLifetime, v);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }
}
