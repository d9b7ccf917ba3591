package io.brokergate.longport.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delays with "equal jitter": attempt n waits a random time in
 * [c/2, c] where c = min(cap, base × factor^n). The lower bound keeps a flapping server from
 * being hammered; the jitter keeps many accounts dropped at once from reconnecting in lockstep.
 * Not thread-safe: one instance per socket, used on its event loop.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final double factor;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration base, double factor, Duration cap) {
        this(base, factor, cap, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1); injectable so tests can pin the bounds */
    public Backoff(Duration base, double factor, Duration cap, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || factor < 1) {
            throw new IllegalArgumentException("need 0 < base <= cap and factor >= 1");
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.factor = factor;
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one attempt. */
    public long nextDelayMillis() {
        long ceiling = ceilingMillis(attempt);
        if (ceiling < capMillis) {
            attempt++; // stop counting once capped, so the exponent cannot overflow
        }
        long floor = ceiling / 2;
        return floor + (long) (random.getAsDouble() * (ceiling - floor + 1));
    }

    /** Upper bound of attempt {@code n} (0-based). */
    public long ceilingMillis(int n) {
        double c = baseMillis * Math.pow(factor, n);
        return c >= capMillis ? capMillis : (long) c;
    }

    /** After a successful connection the next failure starts from the base delay again. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
