package io.brokergate.allinone.paper;

import io.brokergate.auth.sessions.PaperExchangeEndpoints;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.brokergate.stream.upstream.PaperBrokerLimits;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs sim-exchange inside the all-in-one JVM. It starts before anything that seeds or connects
 * to it (observer priority 10) and speaks only the LongPort protocol to the rest of the gateway.
 */
@ApplicationScoped
public class PaperExchange implements PaperExchangeEndpoints {

    /** Startup order: the exchange first, then the demo seed, then broker sessions. */
    public static final int START_PRIORITY = 10;
    static final int STOP_PRIORITY = 10_000;

    private static final Logger LOG = Logger.getLogger(PaperExchange.class);

    private final PaperExchangeConfig config;
    private final PaperBrokerLimits limits;
    private volatile SimExchangeServer server;

    public PaperExchange(PaperExchangeConfig config, PaperBrokerLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    void start(@Observes @Priority(START_PRIORITY) StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("paper exchange disabled (brokergate.paper.enabled=false)");
            return;
        }
        server = SimExchangeServer.start(SimServerSettings.defaults()
                .withHost(config.host()).withPort(config.port()).withSeed(config.seed()).withLimits(tradeLimits()));
        LOG.infof("paper exchange listening on %s (LongPort REST and WebSocket); trade limit %d calls per %s, %s apart",
                server.httpUrl(), limits.tradeCalls(), limits.tradeWindow(), limits.tradeMinSpacing());
    }

    /** The exchange enforces the trade limit the gateway's governor keeps to: one setting changes both. */
    private LongPortLimits tradeLimits() {
        return LongPortLimits.defaults().withTradeCalls(limits.tradeCalls(), limits.tradeWindow())
                .withTradeMinSpacing(limits.tradeMinSpacing());
    }

    /** Stops last, after the gateway has closed its sessions to it. */
    void stop(@Observes @Priority(STOP_PRIORITY) ShutdownEvent event) {
        SimExchangeServer s = server;
        if (s != null) {
            s.close();
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Registers (or restores after a restart) a paper account with the given LongPort credentials. */
    public PaperCredentials register(PaperAccountSpec spec) {
        return running().registerAccount(spec);
    }

    /** LongPort endpoints of the running exchange: {@code http}, {@code quote_ws}, {@code trade_ws}; empty when stopped. */
    @Override
    public Map<String, String> endpoints() {
        SimExchangeServer s = server;
        if (s == null) {
            return Map.of();
        }
        return Map.of("http", s.httpUrl(), "quote_ws", s.quoteWebSocketUrl(), "trade_ws", s.tradeWebSocketUrl());
    }

    public String adminUrl() {
        return running().httpUrl() + "/admin";
    }

    private SimExchangeServer running() {
        SimExchangeServer s = server;
        if (s == null) {
            throw new IllegalStateException("the paper exchange is not running (brokergate.paper.enabled=false)");
        }
        return s;
    }
}
