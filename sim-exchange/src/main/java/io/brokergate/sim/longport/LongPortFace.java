package io.brokergate.sim.longport;

import io.brokergate.sim.server.SimRuntime;
import io.brokergate.sim.engine.SimEventListener;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;

/**
 * The sim-exchange as a LongPort server: REST under {@code /v1}, the quote socket at
 * {@code /quote/v2} (also {@code /v2}) and the trade socket at {@code /trade/v2}, all on one port.
 * Create and use it on the server's event loop.
 */
public final class LongPortFace {

    private final LongPortSockets sockets;
    private final LongPortRestApi rest;
    private final PushRelay relay;

    public LongPortFace(SimRuntime runtime) {
        OneTimePasswords otps = new OneTimePasswords(runtime.settings().otpLifetime());
        SocketSessions sessions = new SocketSessions(runtime.settings().sessionLifetime());
        this.sockets = new LongPortSockets(runtime, otps, sessions);
        this.rest = new LongPortRestApi(runtime, new RestAuthenticator(runtime.accounts(),
                runtime.settings().timestampWindow()));
        new AccessEndpoints(runtime, otps, sockets).register(rest);
        new TradeEndpoints(runtime).register(rest);
        this.relay = new PushRelay(runtime, sockets);
    }

    public void mount(Router router) {
        rest.mount(router);
    }

    /** Starts the socket sweep (pings, idle and session timeouts). */
    public void start() {
        sockets.start();
    }

    /** @return false when the upgrade path is not a LongPort socket path */
    public boolean acceptWebSocket(ServerWebSocket ws) {
        return sockets.accept(ws);
    }

    /** The engine listener; register it with an executor that runs on the server's event loop. */
    public SimEventListener engineListener() {
        return relay;
    }

    /**
     * @param kind   null for both sockets
     * @param abrupt TCP close without Close push; otherwise Close push and WebSocket close
     */
    public int dropSockets(String accountNo, SocketKind kind, boolean abrupt) {
        return sockets.drop(accountNo, kind, abrupt);
    }

    /** Close(ServerShutdown) to every socket. */
    public void shutdown() {
        sockets.shutdown();
    }

    public int liveSockets() {
        return sockets.liveCount();
    }
}
