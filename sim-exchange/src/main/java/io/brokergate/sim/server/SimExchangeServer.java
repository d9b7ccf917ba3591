package io.brokergate.sim.server;

import io.brokergate.sim.admin.AdminApi;
import io.brokergate.sim.engine.SimConfig;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.engine.SystemClock;
import io.brokergate.sim.longport.LongPortFace;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The sim-exchange: the engine plus its network faces on one port — LongPort REST ({@code /v1}),
 * LongPort quote and trade WebSockets ({@code /quote/v2}, {@code /trade/v2}) and the admin API
 * ({@code /admin}). All faces run on one Vert.x event loop of a Vert.x instance owned by the server;
 * the engine runs on its own thread.
 */
public final class SimExchangeServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SimExchangeServer.class);
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long CALL_TIMEOUT_SECONDS = 30;
    /** Time for Close pushes and WS close frames to leave before the listener goes away. */
    private static final long SHUTDOWN_GRACE_MILLIS = 200;

    private final SimRuntime runtime;
    private final HttpServer http;
    private final LongPortFace longPort;
    private final AccountOpener opener;
    private final AdvertisedUrls urls;
    private volatile boolean closed;

    private SimExchangeServer(SimRuntime runtime, HttpServer http, LongPortFace longPort, AccountOpener opener) {
        this.runtime = runtime;
        this.http = http;
        this.longPort = longPort;
        this.opener = opener;
        this.urls = runtime.urls();
    }

    /** Starts the engine and the server; returns once it listens. Port 0 picks a free port. */
    public static SimExchangeServer start(SimServerSettings settings) {
        SimConfig config = SimConfig.defaults().toBuilder()
                .seed(settings.seed())
                .stepInterval(settings.marketTickInterval())
                .enforceSessions(settings.enforceSessions())
                .initialAccounts(List.of()) // accounts come with credentials, through registerAccount
                .build();
        SimExchange exchange = SimExchange.create(config, SystemClock.INSTANCE);
        exchange.start();
        return start(settings, exchange);
    }

    /**
     * Starts the faces over an engine built by the caller (tests: a manual clock, a stopped market
     * driver, other instruments). The settings' seed, tick interval and enforceSessions are then the
     * caller's business. The server owns the engine from here on and closes it on {@link #close()}.
     */
    public static SimExchangeServer start(SimServerSettings settings, SimExchange exchange) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        Context context = vertx.getOrCreateContext();
        SimRuntime runtime = new SimRuntime(settings, exchange, new PaperAccounts(), new ServerCounters(),
                new InjectedFaults(), vertx, context);
        CompletableFuture<SimExchangeServer> started = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                LongPortFace longPort = new LongPortFace(runtime);
                AccountOpener opener = new AccountOpener(runtime.accounts(), exchange);
                Router router = Router.router(vertx);
                longPort.mount(router);
                new AdminApi(runtime, longPort, opener).mount(router);
                router.route().handler(ctx -> ctx.response().setStatusCode(404)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end("{\"code\":404001,\"message\":\"no endpoint " + ctx.request().method() + "\",\"data\":null}"));
                HttpServer http = vertx.createHttpServer(new HttpServerOptions()
                        .setHost(settings.host())
                        .setPort(settings.port())
                        .setMaxWebSocketFrameSize(1 << 20)
                        .setMaxWebSocketMessageSize(16 << 20)
                        // After our close frame, wait this long (s) for the client's before cutting TCP.
                        .setWebSocketClosingTimeout(2)
                        .setRegisterWebSocketWriteHandlers(false));
                http.webSocketHandler(ws -> {
                    if (!longPort.acceptWebSocket(ws)) {
                        ws.reject(404);
                    }
                });
                http.requestHandler(router);
                http.listen().onComplete(ar -> {
                    if (ar.failed()) {
                        started.completeExceptionally(ar.cause());
                        return;
                    }
                    runtime.urls(AdvertisedUrls.of(settings.host(), ar.result().actualPort()));
                    // Events reach the listener on this event loop, in engine order, in batches.
                    exchange.addListener(longPort.engineListener(), task -> context.runOnContext(x -> task.run()));
                    longPort.start();
                    started.complete(new SimExchangeServer(runtime, http, longPort, opener));
                });
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        try {
            SimExchangeServer server = started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("sim-exchange listening on %s (LongPort REST %s/v1, quote %s, trade %s, admin %s/admin)",
                    server.httpUrl(), server.httpUrl(), server.quoteWebSocketUrl(), server.tradeWebSocketUrl(),
                    server.httpUrl());
            return server;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            exchange.close();
            vertx.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("sim-exchange could not listen on " + settings.host() + ":"
                    + settings.port() + ": " + cause.getMessage(), cause);
        }
    }

    public int port() {
        return http.actualPort();
    }

    /** e.g. {@code http://127.0.0.1:8081} */
    public String httpUrl() {
        return urls.httpUrl();
    }

    /** e.g. {@code ws://127.0.0.1:8081/quote/v2} */
    public String quoteWebSocketUrl() {
        return urls.quoteWsUrl();
    }

    /** e.g. {@code ws://127.0.0.1:8081/trade/v2} */
    public String tradeWebSocketUrl() {
        return urls.tradeWsUrl();
    }

    /**
     * Registers a paper account with the given LongPort credentials and creates its engine account
     * (funded per spec) if absent. Idempotent by account number: the same spec again returns the
     * account unchanged; a spec with other credentials replaces them and keeps the engine state.
     * Blocks until the engine has the account; do not call it on an event loop.
     *
     * @throws IllegalArgumentException when the app key belongs to another account
     */
    public PaperCredentials registerAccount(PaperAccountSpec spec) {
        return urls.credentialsOf(await(opener.open(spec).toCompletableFuture()));
    }

    /** Every paper account with its credentials and URLs, ordered by account number. */
    public List<PaperCredentials> accounts() {
        return runtime.accounts().all().stream().map(urls::credentialsOf).toList();
    }

    /** The engine behind the faces (see its javadoc for the threading contract). */
    public SimExchange exchange() {
        return runtime.exchange();
    }

    /** Request counts, live sockets and connection-rule counters per account (same as {@code GET /admin/stats}). */
    public Map<String, AccountStats> stats() {
        return runtime.counters().snapshot();
    }

    /** Latency and push pauses, as the admin API sets them. */
    public InjectedFaults faults() {
        return runtime.faults();
    }

    public SimServerSettings settings() {
        return runtime.settings();
    }

    /** Graceful: Close(ServerShutdown) to every socket, then the listener, the engine and Vert.x stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Vertx vertx = runtime.vertx();
        Promise<Void> done = Promise.promise();
        runtime.context().runOnContext(v -> {
            longPort.shutdown();
            vertx.setTimer(SHUTDOWN_GRACE_MILLIS, id -> http.close().onComplete(ar -> done.complete()));
        });
        try {
            done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("sim-exchange listener did not stop cleanly: %s", e.getMessage());
        }
        try {
            runtime.exchange().close();
        } catch (RuntimeException e) {
            LOG.warnf(e, "engine did not stop cleanly");
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Vert.x did not stop cleanly: %s", e.getMessage());
        }
        LOG.infof("sim-exchange on %s stopped", urls.httpUrl());
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
