package io.brokergate.bench.stream;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The one upstream stream: the paper exchange in this process over a frozen market (prices move
 * only when this class moves them), one paper account, and a paced driver moving one symbol's
 * price. Tick {@code i} sets the price to {@code 100.00 + (i mod 100000) × 0.01}, so a client can
 * tell from the price which tick a message carries and when it was sent (same clock: this process).
 */
final class TickSource implements AutoCloseable {

    static final InstrumentId SYMBOL = InstrumentId.parse("AAPL.US");
    /** Distinct prices before they repeat: 100.00 … 1099.99, over 100 s even at 1,000 ticks/s. */
    static final int WINDOW = 100_000;
    static final String ACCOUNT_NO = "BENCH0001";

    private final SimExchangeServer sim;
    private final PaperCredentials credentials;
    private final AtomicLongArray sentNanos = new AtomicLongArray(WINDOW);
    private volatile boolean running;
    private long next;

    TickSource() {
        SimExchange exchange = SimExchange.create(SimConfig.defaults().toBuilder().historyDays(1).initialAccounts(List.of()).build(),
                SystemClock.INSTANCE); // not started: no market generator
        sim = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0), exchange);
        credentials = sim.registerAccount(new PaperAccountSpec(ACCOUNT_NO, "bench", "bench-key", "bench-secret", "bench-token",
                Map.of("USD", new BigDecimal("1000000"))));
    }

    PaperCredentials credentials() {
        return credentials;
    }

    /** When tick {@code index mod WINDOW} was sent ({@link System#nanoTime()}), 0 if not yet. */
    long sentAt(int slot) {
        return sentNanos.get(slot);
    }

    /** Moves the price {@code perSecond} times a second for {@code seconds}, paced evenly; returns the ticks sent. */
    long run(int perSecond, double seconds) {
        running = true;
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long count = (long) (perSecond * seconds);
        for (long k = 0; k < count && running; k++) {
            long due = start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            tick();
        }
        return count;
    }

    private void tick() {
        int slot = (int) (next++ % WINDOW);
        BigDecimal price = BigDecimal.valueOf(10_000 + slot, 2);
        sentNanos.set(slot, System.nanoTime());
        sim.exchange().movePrice(SYMBOL, price);
    }

    void stop() {
        running = false;
    }

    /** The slot a price (in cents above 100.00) names, or -1. */
    static int slotOf(long cents) {
        long slot = cents - 10_000;
        return slot >= 0 && slot < WINDOW ? (int) slot : -1;
    }

    @Override
    public void close() {
        sim.close();
    }
}
