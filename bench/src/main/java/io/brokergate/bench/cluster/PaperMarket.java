package io.brokergate.bench.cluster;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.server.AccountStats;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The paper exchange in this process over a frozen market, {@code n} paper accounts, and a ticker
 * that moves one symbol's price at a fixed interval so that quote pushes flow to every account
 * subscribed to it. Tick {@code i} sets the price to {@code 100.00 + (i mod WINDOW) × 0.01}: a
 * client reads from a quote's price when its tick was sent (same clock: this process).
 */
final class PaperMarket implements AutoCloseable {

    static final InstrumentId SYMBOL = InstrumentId.parse("AAPL.US");
    private static final int WINDOW = 100_000;

    private final SimExchangeServer sim;
    private final List<PaperCredentials> accounts = new ArrayList<>();
    private final AtomicLongArray sentNanos = new AtomicLongArray(WINDOW);
    private volatile Thread ticker;

    PaperMarket(int n) {
        SimExchange exchange = SimExchange.create(SimConfig.defaults().toBuilder().historyDays(1).initialAccounts(List.of()).build(),
                SystemClock.INSTANCE); // not started: prices move only when the ticker moves them
        sim = SimExchangeServer.start(SimServerSettings.defaults().withHost("127.0.0.1").withPort(0), exchange);
        for (int i = 1; i <= n; i++) {
            String no = String.format("CLUSTER%04d", i);
            accounts.add(sim.registerAccount(new PaperAccountSpec(no, no, "key-" + no, "secret-" + no, "token-" + no,
                    Map.of("USD", new BigDecimal("1000000")))));
        }
        exchange.movePrice(SYMBOL, new BigDecimal("100.00")).toCompletableFuture().join();
    }

    List<PaperCredentials> accounts() {
        return accounts;
    }

    SimExchange exchange() {
        return sim.exchange();
    }

    AccountStats stats(String accountNo) {
        return sim.stats().get(accountNo);
    }

    /** Starts moving the price every {@code intervalMillis}. */
    void startTicking(long intervalMillis) {
        Thread t = new Thread(() -> tick(intervalMillis * 1_000_000), "price-ticker");
        t.setDaemon(true);
        ticker = t;
        t.start();
    }

    /** When the tick whose price is {@code cents} was sent ({@link System#nanoTime()}), 0 if unknown. */
    long sentAt(long cents) {
        long slot = cents - 10_000;
        return slot >= 0 && slot < WINDOW ? sentNanos.get((int) slot) : 0;
    }

    private void tick(long intervalNanos) {
        long start = System.nanoTime();
        for (long k = 0; ticker == Thread.currentThread(); k++) {
            LockSupport.parkNanos(start + k * intervalNanos - System.nanoTime());
            int slot = (int) (k % WINDOW);
            sentNanos.set(slot, System.nanoTime());
            sim.exchange().movePrice(SYMBOL, BigDecimal.valueOf(10_000 + slot, 2));
        }
    }

    @Override
    public void close() {
        ticker = null;
        sim.close();
    }
}
