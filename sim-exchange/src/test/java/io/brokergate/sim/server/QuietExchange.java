package io.brokergate.sim.server;

import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.market.SimInstrument;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine whose market driver is not running: prices change only when a test moves them, so
 * every push a test sees was caused by the test.
 */
public final class QuietExchange {

    private QuietExchange() {
    }

    public static SimExchange create() {
        return create(List.of());
    }

    /** The default listing plus {@code extra} instruments, with little generated history. */
    public static SimExchange create(List<SimInstrument> extra) {
        List<SimInstrument> instruments = new ArrayList<>(SimConfig.defaultInstruments());
        instruments.addAll(extra);
        SimConfig config = SimConfig.defaults().toBuilder()
                .instruments(instruments)
                .historyDays(extra.isEmpty() ? 5 : 1)
                .initialAccounts(List.of())
                .build();
        return SimExchange.create(config, SystemClock.INSTANCE);
    }

    /** A server on a free loopback port over a quiet engine. */
    public static SimExchangeServer server(SimServerSettings settings) {
        return SimExchangeServer.start(settings.withHost("127.0.0.1").withPort(0), create());
    }
}
