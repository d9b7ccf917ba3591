package io.brokergate.sim.server;

import io.brokergate.sim.engine.SimExchange;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * The running pieces every face shares. All faces run on {@link #context()}, one event loop: their
 * mutable state (sockets, subscriptions, limiters) therefore needs no locks, and anything arriving
 * from another thread (engine events, stage completions) is handed to that context first.
 */
public final class SimRuntime {

    private final SimServerSettings settings;
    private final SimExchange exchange;
    private final PaperAccounts accounts;
    private final ServerCounters counters;
    private final InjectedFaults faults;
    private final Vertx vertx;
    private final Context context;
    private volatile AdvertisedUrls urls;

    public SimRuntime(SimServerSettings settings, SimExchange exchange, PaperAccounts accounts, ServerCounters counters,
                      InjectedFaults faults, Vertx vertx, Context context) {
        this.settings = Objects.requireNonNull(settings);
        this.exchange = Objects.requireNonNull(exchange);
        this.accounts = Objects.requireNonNull(accounts);
        this.counters = Objects.requireNonNull(counters);
        this.faults = Objects.requireNonNull(faults);
        this.vertx = Objects.requireNonNull(vertx);
        this.context = Objects.requireNonNull(context);
    }

    public SimServerSettings settings() {
        return settings;
    }

    /** The engine; see its javadoc for the threading contract (async commands, any-thread reads). */
    public SimExchange exchange() {
        return exchange;
    }

    public PaperAccounts accounts() {
        return accounts;
    }

    public ServerCounters counters() {
        return counters;
    }

    public InjectedFaults faults() {
        return faults;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Context context() {
        return context;
    }

    public AdvertisedUrls urls() {
        AdvertisedUrls u = urls;
        if (u == null) {
            throw new IllegalStateException("server is not listening yet");
        }
        return u;
    }

    void urls(AdvertisedUrls u) {
        urls = u;
    }

    /** Runs {@code task} after the injected latency (at once when there is none), on the shared context. */
    public void afterInjectedLatency(Runnable task) {
        long millis = faults.latencyMillis();
        if (millis <= 0) {
            task.run();
        } else {
            vertx.setTimer(millis, id -> task.run());
        }
    }
}
