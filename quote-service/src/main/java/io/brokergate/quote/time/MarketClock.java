package io.brokergate.quote.time;

import java.time.Instant;

/**
 * "Now" for market logic: which minute is still open, which trading day is today. Separate from the
 * monotonic clock of cache expiry so that tests can run an accelerated market (the paper exchange
 * on a manual clock) while caches keep real time.
 */
public interface MarketClock {

    Instant now();
}
