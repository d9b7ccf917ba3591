package io.brokergate.sim.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The LongPort rules the sim-exchange enforces per account (longport.md §1.7), as values so that
 * tests can lower them. Defaults are the documented ones.
 *
 * @param socketsPerAccount      {@code limit} of the OTP response; sockets beyond it are refused at auth
 * @param subscribedSymbols      distinct symbols one account may have subscribed
 * @param quoteRequestsPerSecond quote socket requests per second (token bucket, burst = rate)
 * @param quoteRequestsInFlight  quote socket requests awaiting their response
 * @param tradeCallsPerWindow    trade REST calls per {@code tradeWindow}
 * @param tradeMinSpacing        minimum gap between two trade REST calls
 * @param maxBodyBytes           largest REST request body
 */
public record LongPortLimits(int socketsPerAccount, int subscribedSymbols, int quoteRequestsPerSecond,
                             int quoteRequestsInFlight, int tradeCallsPerWindow, Duration tradeWindow,
                             Duration tradeMinSpacing, int maxBodyBytes) {

    public LongPortLimits {
        positive("socketsPerAccount", socketsPerAccount);
        positive("subscribedSymbols", subscribedSymbols);
        positive("quoteRequestsPerSecond", quoteRequestsPerSecond);
        positive("quoteRequestsInFlight", quoteRequestsInFlight);
        positive("tradeCallsPerWindow", tradeCallsPerWindow);
        positive("maxBodyBytes", maxBodyBytes);
        Objects.requireNonNull(tradeWindow, "tradeWindow");
        Objects.requireNonNull(tradeMinSpacing, "tradeMinSpacing");
        if (tradeWindow.isNegative() || tradeWindow.isZero() || tradeMinSpacing.isNegative()) {
            throw new IllegalArgumentException("tradeWindow must be positive and tradeMinSpacing not negative");
        }
    }

    public static LongPortLimits defaults() {
        return new LongPortLimits(10, 500, 10, 5, 30, Duration.ofSeconds(30), Duration.ofMillis(20), 64 * 1024);
    }

    public LongPortLimits withSocketsPerAccount(int v) {
        return new LongPortLimits(v, subscribedSymbols, quoteRequestsPerSecond, quoteRequestsInFlight,
                tradeCallsPerWindow, tradeWindow, tradeMinSpacing, maxBodyBytes);
    }

    public LongPortLimits withSubscribedSymbols(int v) {
        return new LongPortLimits(socketsPerAccount, v, quoteRequestsPerSecond, quoteRequestsInFlight,
                tradeCallsPerWindow, tradeWindow, tradeMinSpacing, maxBodyBytes);
    }

    public LongPortLimits withQuoteRequestsPerSecond(int v) {
        return new LongPortLimits(socketsPerAccount, subscribedSymbols, v, quoteRequestsInFlight,
                tradeCallsPerWindow, tradeWindow, tradeMinSpacing, maxBodyBytes);
    }

    public LongPortLimits withQuoteRequestsInFlight(int v) {
        return new LongPortLimits(socketsPerAccount, subscribedSymbols, quoteRequestsPerSecond, v,
                tradeCallsPerWindow, tradeWindow, tradeMinSpacing, maxBodyBytes);
    }

    public LongPortLimits withTradeCalls(int callsPerWindow, Duration window) {
        return new LongPortLimits(socketsPerAccount, subscribedSymbols, quoteRequestsPerSecond, quoteRequestsInFlight,
                callsPerWindow, window, tradeMinSpacing, maxBodyBytes);
    }

    public LongPortLimits withTradeMinSpacing(Duration v) {
        return new LongPortLimits(socketsPerAccount, subscribedSymbols, quoteRequestsPerSecond, quoteRequestsInFlight,
                tradeCallsPerWindow, tradeWindow, v, maxBodyBytes);
    }

    public LongPortLimits withMaxBodyBytes(int v) {
        return new LongPortLimits(socketsPerAccount, subscribedSymbols, quoteRequestsPerSecond, quoteRequestsInFlight,
                tradeCallsPerWindow, tradeWindow, tradeMinSpacing, v);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }
}
