package io.brokergate.longport.session;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.AuthResponse;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.Heartbeat;
import io.brokergate.longport.proto.ReconnectRequest;
import io.brokergate.longport.proto.ReconnectResponse;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Handshake;
import io.brokergate.longport.wire.MalformedPacketException;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.ResponseStatus;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.impl.ContextInternal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One LongPort socket (quote or trade) over a Vert.x WebSocket: handshake query, OTP + Auth
 * (cmd 2) or Reconnect (cmd 3) while the session id is valid, request/response correlation by
 * request id with per-request timeouts, cmd-1 heartbeats with a silence deadline, and reconnect
 * with exponential backoff and jitter. After every (re)authentication the {@link Handler}
 * restores what the socket carries (profile, subscriptions, reconciliation) before the link
 * reports ready.
 *
 * <p>Threading: every field is confined to one Vert.x event-loop context; public methods hop onto
 * it. Handler callbacks and the futures this class completes run on that event loop, so they must
 * not block.
 */
public final class SocketLink {

    /** What a socket does on top of the transport. Called on the link's event loop. */
    public interface Handler {
        /**
         * After Auth or Reconnect succeeded. Use {@link #requestDuringRestore} here; a failed stage
         * drops the socket and retries with backoff.
         *
         * @param firstTime true on the first successful connection of this link
         */
        CompletionStage<Void> restore(SocketLink link, boolean firstTime);

        void onPush(Packet.Push push);
    }

    /** Receives state changes of this link on its event loop. */
    public interface StateListener {
        void onState(SocketLink link, ConnectionState state, String detail);
    }

    private enum Phase { IDLE, CONNECTING, READY, RECONNECTING, CLOSED }

    private static final Logger LOG = Logger.getLogger(SocketLink.class);
    /** Reconnect with the old session only while it has at least this much life left. */
    private static final long SESSION_MARGIN_MILLIS = 10_000;

    private final String name;
    private final Vertx vertx;
    private final ContextInternal context;
    private final WebSocketClient client;
    private final String url;
    private final Supplier<CompletionStage<String>> otp;
    private final Map<String, String> metadata;
    private final SocketSettings settings;
    private final Handler handler;
    private final StateListener stateListener;
    private final Backoff backoff;

    private Phase phase = Phase.IDLE;
    private volatile ConnectionState publicState = ConnectionState.CLOSED;
    private WebSocket ws;
    private boolean authenticated;
    /** Bumped whenever a connection is abandoned, so its late callbacks are ignored. */
    private long generation;
    private final PendingRequests pending;
    private String sessionId;
    private long sessionExpiresAtMillis;
    private long lastInboundNanos;
    private long heartbeatTimer = -1;
    private long retryTimer = -1;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private boolean everReady;
    private Close lastClose;

    /**
     * @param url      the configured socket URL; the handshake query is appended here
     * @param otp      fetches a fresh one-time password ({@code GET /v1/socket/token})
     * @param metadata Auth/Reconnect metadata ({@code accept-language} for quotes, empty for trade)
     */
    public SocketLink(String name, Vertx vertx, Context context, WebSocketClient client, String url,
                      Supplier<CompletionStage<String>> otp, Map<String, String> metadata, SocketSettings settings,
                      Handler handler, StateListener stateListener) {
        this.name = name;
        this.vertx = vertx;
        this.context = (ContextInternal) context;
        this.client = client;
        this.url = Handshake.OPENAPI_V1.appendTo(url);
        this.otp = otp;
        this.metadata = Map.copyOf(metadata);
        this.settings = settings;
        this.handler = handler;
        this.stateListener = stateListener;
        this.backoff = settings.newBackoff();
        this.pending = new PendingRequests(vertx, name);
    }

    public String name() {
        return name;
    }

    public ConnectionState state() {
        return publicState;
    }

    /** Connects if idle (idempotent); completes when authenticated and restored. */
    public CompletionStage<Void> connect() {
        return onContext(() -> {
            if (phase == Phase.CLOSED) {
                return CompletableFuture.failedFuture(closedError());
            }
            if (phase == Phase.IDLE) {
                phase = Phase.CONNECTING;
                emit(ConnectionState.CONNECTING, "connecting to " + url);
                attempt();
            }
            return ready.copy();
        });
    }

    /**
     * Completes when the link is ready, connecting an idle link first. Fails with
     * BROKER_UNAVAILABLE when that takes longer than the request timeout, or with the connect error.
     * Callers wait here <em>before</em> taking a rate-limit slot, so waiting never holds one.
     */
    public CompletionStage<Void> awaitReady() {
        return onContext(() -> {
            if (phase == Phase.READY) {
                return CompletableFuture.completedFuture(null);
            }
            if (phase == Phase.CLOSED) {
                return CompletableFuture.failedFuture(closedError());
            }
            if (phase == Phase.IDLE) {
                connect();
            }
            return waitForReady();
        });
    }

    /**
     * Sends a request on the ready link. Fails fast with BROKER_UNAVAILABLE when the link is not
     * ready, with BROKER_UNAVAILABLE when the socket drops or the answer is late, and with the
     * mapped broker error when the response status is not 0.
     */
    public CompletionStage<Packet.Response> request(int cmd, MessageLite body) {
        return onContext(() -> phase == Phase.READY
                ? send(cmd, body, settings.requestTimeout().toMillis())
                : CompletableFuture.failedFuture(phase == Phase.CLOSED ? closedError()
                        : BrokerErrors.unavailable("LongPort " + name + " socket is reconnecting", null)));
    }

    /** For {@link Handler#restore}: sends on the authenticated socket without waiting for "ready". */
    public CompletionStage<Packet.Response> requestDuringRestore(int cmd, MessageLite body) {
        return onContext(() -> authenticated
                ? send(cmd, body, settings.requestTimeout().toMillis())
                : CompletableFuture.failedFuture(BrokerErrors.unavailable(name + " socket is not authenticated", null)));
    }

    /** Stops the link for good: no reconnect; pending requests fail. */
    public CompletionStage<Void> close() {
        return shutDown(Phase.CLOSED, "closed by the gateway");
    }

    /** Stops the link but allows a later {@link #connect()} (used when a session's first connect fails). */
    public CompletionStage<Void> disconnect(String why) {
        return shutDown(Phase.IDLE, why);
    }

    /** Runs {@code action} on this link's event loop (directly when already there). */
    public <T> CompletionStage<T> onContext(Supplier<CompletionStage<T>> action) {
        if (context.nettyEventLoop().inEventLoop()) {
            return invoke(action);
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        context.runOnContext(v -> invoke(action).whenComplete((r, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(r);
            }
        }));
        return out;
    }

    // ------------------------------------------------------------------ connection cycle

    private void attempt() {
        long gen = ++generation;
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setAbsoluteURI(url)
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .addHeader("Accept-Language", settings.language());
        client.connect(options).onComplete(ar -> {
            if (gen != generation) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                attemptFailed(BrokerErrors.unavailable("cannot open the LongPort " + name + " socket", ar.cause()));
            } else {
                opened(gen, ar.result());
            }
        });
    }

    private void opened(long gen, WebSocket socket) {
        ws = socket;
        pending.restartIds();
        lastClose = null;
        lastInboundNanos = System.nanoTime();
        socket.binaryMessageHandler(buf -> onFrame(gen, buf));
        socket.textMessageHandler(t -> LOG.debugf("%s socket: ignored a text frame", name));
        socket.exceptionHandler(e -> LOG.debugf(e, "%s socket error", name));
        socket.closeHandler(v -> dropped(gen, "socket closed" + closeDetail(socket)));
        startHeartbeat(gen);
        authenticate(gen).whenComplete((v, err) -> {
            if (gen != generation) {
                return;
            }
            if (err != null) {
                attemptFailed(BrokerErrors.unwrap(err));
            } else {
                authenticated = true;
                restore(gen);
            }
        });
    }

    /** Auth or Reconnect; a refusal names the socket, so a caller sees which of the two LongPort refused. */
    private CompletionStage<Void> authenticate(long gen) {
        return authenticateOnce(gen).exceptionallyCompose(e -> {
            GatewayException g = BrokerErrors.unwrap(e);
            return CompletableFuture.failedFuture(g.brokerCode() == null ? g : new GatewayException(g.code(),
                    "LongPort refused the " + name + " socket: " + g.getMessage(), g.retryAfter(), g.brokerCode(), null));
        });
    }

    private CompletionStage<Void> authenticateOnce(long gen) {
        if (sessionId != null && System.currentTimeMillis() < sessionExpiresAtMillis - SESSION_MARGIN_MILLIS) {
            ReconnectRequest req = ReconnectRequest.newBuilder().setSessionId(sessionId).putAllMetadata(metadata).build();
            return send(ControlCommand.RECONNECT, req, settings.authTimeout().toMillis())
                    .thenAccept(r -> {
                        ReconnectResponse resumed = parse(r, ReconnectResponse.parser());
                        adoptSession(resumed.getSessionId(), resumed.getExpires());
                    })
                    .exceptionallyCompose(e -> {
                        // The session was refused (expired server-side): spend an OTP on the same socket.
                        LOG.debugf("%s socket: reconnect with the old session failed (%s); authenticating anew",
                                name, BrokerErrors.unwrap(e).getMessage());
                        sessionId = null;
                        return gen == generation && ws != null ? authenticateWithOtp(gen) : CompletableFuture.failedFuture(e);
                    });
        }
        return authenticateWithOtp(gen);
    }

    private CompletionStage<Void> authenticateWithOtp(long gen) {
        return otp.get().thenCompose(token -> onContext(() -> {
            if (gen != generation) {
                return CompletableFuture.failedFuture(BrokerErrors.unavailable(name + " socket dropped during auth", null));
            }
            AuthRequest req = AuthRequest.newBuilder().setToken(token).putAllMetadata(metadata).build();
            return send(ControlCommand.AUTH, req, settings.authTimeout().toMillis()).thenAccept(r -> {
                AuthResponse auth = parse(r, AuthResponse.parser());
                adoptSession(auth.getSessionId(), auth.getExpires());
            });
        }));
    }

    private void adoptSession(String id, long expiresMillis) {
        sessionId = id == null || id.isEmpty() ? null : id;
        sessionExpiresAtMillis = expiresMillis;
    }

    private void restore(long gen) {
        boolean first = !everReady;
        CompletionStage<Void> restored;
        try {
            restored = handler.restore(this, first);
        } catch (RuntimeException e) {
            restored = CompletableFuture.failedFuture(e);
        }
        restored.whenComplete((v, err) -> onContext(() -> {
            if (gen != generation || phase == Phase.CLOSED || phase == Phase.IDLE) {
                return CompletableFuture.completedFuture(null);
            }
            if (err != null) {
                attemptFailed(BrokerErrors.unwrap(err));
            } else {
                phase = Phase.READY;
                backoff.reset();
                everReady = true;
                emit(first ? ConnectionState.CONNECTED : ConnectionState.RESTORED, "authenticated");
                ready.complete(null);
            }
            return CompletableFuture.completedFuture(null);
        }));
    }

    /** A connection attempt failed before the link became ready. */
    private void attemptFailed(GatewayException error) {
        abandonSocket(error);
        if (phase == Phase.CONNECTING) {
            // The first connect reports its failure to the caller instead of retrying forever.
            phase = Phase.IDLE;
            CompletableFuture<Void> failed = ready;
            ready = new CompletableFuture<>();
            emit(ConnectionState.CLOSED, "connect failed: " + error.getMessage());
            failed.completeExceptionally(error);
        } else if (phase == Phase.RECONNECTING) {
            LOG.infof("LongPort %s socket: reconnect failed (%s)", name, error.getMessage());
            scheduleRetry();
        }
    }

    /** The socket closed (by the peer, the network or our silence check). */
    private void dropped(long gen, String why) {
        if (gen != generation) {
            return;
        }
        GatewayException error = dropError(why);
        if (phase == Phase.READY) {
            abandonSocket(error);
            phase = Phase.RECONNECTING;
            ready = new CompletableFuture<>();
            LOG.infof("LongPort %s socket dropped (%s); reconnecting", name, error.getMessage());
            emit(ConnectionState.RECONNECTING, error.getMessage());
            scheduleRetry();
        } else if (phase == Phase.CONNECTING || phase == Phase.RECONNECTING) {
            attemptFailed(error);
        }
    }

    private void scheduleRetry() {
        long delay = backoff.nextDelayMillis();
        retryTimer = vertx.setTimer(Math.max(1, delay), id -> {
            retryTimer = -1;
            if (phase == Phase.RECONNECTING) {
                attempt();
            }
        });
    }

    /** Forgets the current socket: later callbacks of it are ignored, pending requests fail. */
    private void abandonSocket(GatewayException error) {
        generation++;
        authenticated = false;
        stopHeartbeat();
        WebSocket socket = ws;
        ws = null;
        if (socket != null && !socket.isClosed()) {
            socket.close();
        }
        pending.failAll(error);
    }

    private CompletionStage<Void> shutDown(Phase target, String why) {
        return onContext(() -> {
            if (phase == Phase.CLOSED || (phase == Phase.IDLE && target == Phase.IDLE)) {
                return CompletableFuture.completedFuture(null);
            }
            WebSocket socket = ws;
            ws = null;
            generation++;
            authenticated = false;
            stopHeartbeat();
            if (retryTimer >= 0) {
                vertx.cancelTimer(retryTimer);
                retryTimer = -1;
            }
            GatewayException error = target == Phase.CLOSED ? closedError() : BrokerErrors.unavailable(why, null);
            pending.failAll(error);
            phase = target;
            CompletableFuture<Void> old = ready;
            ready = new CompletableFuture<>();
            old.completeExceptionally(error);
            emit(ConnectionState.CLOSED, why);
            if (socket == null || socket.isClosed()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            socket.close((short) 1000, "bye").onComplete(ar -> done.complete(null));
            return done;
        });
    }

    // ------------------------------------------------------------------ requests

    private CompletionStage<Void> waitForReady() {
        CompletableFuture<Void> out = new CompletableFuture<>();
        long waitMillis = settings.requestTimeout().toMillis();
        long timer = vertx.setTimer(waitMillis, id -> out.completeExceptionally(BrokerErrors.unavailable(
                "LongPort " + name + " socket not connected within " + waitMillis + " ms", null)));
        ready.whenComplete((v, err) -> {
            vertx.cancelTimer(timer);
            if (err != null) {
                out.completeExceptionally(BrokerErrors.unwrap(err));
            } else {
                out.complete(null);
            }
        });
        return out;
    }

    /** On the event loop, with an open socket: frames and writes one request. */
    private CompletableFuture<Packet.Response> send(int cmd, MessageLite body, long timeoutMillis) {
        WebSocket socket = ws;
        if (socket == null) {
            return CompletableFuture.failedFuture(BrokerErrors.unavailable("LongPort " + name + " socket is not open", null));
        }
        CompletableFuture<Packet.Response> result = new CompletableFuture<>();
        long id = pending.register(cmd, timeoutMillis, result);
        // One allocation: the protobuf message is serialised straight into the frame.
        byte[] frame = PacketCodec.encodeRequest(cmd, id, (int) timeoutMillis, body);
        socket.writeBinaryMessage(Buffer.buffer(frame)).onFailure(e -> pending.fail(id,
                BrokerErrors.unavailable("LongPort " + name + " socket write failed", e)));
        return result;
    }

    // ------------------------------------------------------------------ inbound

    private void onFrame(long gen, Buffer frame) {
        if (gen != generation) {
            return;
        }
        lastInboundNanos = System.nanoTime();
        Packet packet;
        try {
            packet = PacketCodec.decode(frame);
        } catch (MalformedPacketException e) {
            LOG.warnf("LongPort %s socket sent a malformed packet (%s); reconnecting", name, e.getMessage());
            dropped(gen, "malformed packet: " + e.getMessage());
            return;
        }
        if (packet instanceof Packet.Response r) {
            pending.complete(r);
        } else if (packet instanceof Packet.Push p) {
            if (p.cmd() == ControlCommand.CLOSE) {
                onClosePush(p);
            } else {
                dispatch(p);
            }
        } else if (packet instanceof Packet.Request r) {
            onServerRequest(r);
        }
    }

    private void dispatch(Packet.Push p) {
        try {
            handler.onPush(p);
        } catch (RuntimeException e) {
            LOG.warnf(e, "LongPort %s socket: push cmd %d could not be handled", name, p.cmd());
        }
    }

    /** The server tells why it is about to disconnect; the reason explains the drop that follows. */
    private void onClosePush(Packet.Push p) {
        try {
            lastClose = Close.parseFrom(p.body());
        } catch (InvalidProtocolBufferException e) {
            lastClose = Close.newBuilder().setCode(Close.Code.SERVER_ERROR).setReason("unparsable Close").build();
        }
        if (lastClose.getCode() == Close.Code.AUTH_ERROR || lastClose.getCode() == Close.Code.SESS_EXPIRED) {
            sessionId = null;
        }
        LOG.infof("LongPort %s socket: server closes (%s: %s)", name, lastClose.getCode(), lastClose.getReason());
    }

    /** Servers may send heartbeats too: echo them; refuse anything else politely. */
    private void onServerRequest(Packet.Request r) {
        WebSocket socket = ws;
        if (socket == null) {
            return;
        }
        Packet.Response reply = r.cmd() == ControlCommand.HEARTBEAT
                ? Packets.echo(r)
                : Packets.error(r, ResponseStatus.BAD_REQUEST, 0, "unsupported request cmd " + r.cmd());
        socket.writeBinaryMessage(Buffer.buffer(PacketCodec.encode(reply)));
    }

    // ------------------------------------------------------------------ heartbeats

    private void startHeartbeat(long gen) {
        stopHeartbeat();
        heartbeatTimer = vertx.setPeriodic(settings.heartbeatInterval().toMillis(), id -> beat(gen));
    }

    private void stopHeartbeat() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
    }

    private void beat(long gen) {
        if (gen != generation || ws == null) {
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastInboundNanos);
        if (silentMillis > settings.idleTimeout().toMillis()) {
            LOG.infof("LongPort %s socket silent for %d ms; treating it as dead", name, silentMillis);
            dropped(gen, "no data for " + silentMillis + " ms");
            return;
        }
        Heartbeat hb = Heartbeat.newBuilder().setTimestamp(System.currentTimeMillis()).build();
        // Any answer (or push) refreshes lastInboundNanos; a missing one is caught by the silence check.
        long timeout = Math.min(settings.heartbeatInterval().toMillis(), Packet.MAX_TIMEOUT_MS);
        send(ControlCommand.HEARTBEAT, hb, timeout).exceptionally(e -> null);
    }

    // ------------------------------------------------------------------ helpers

    private GatewayException dropError(String why) {
        Close close = lastClose;
        if (close == null) {
            return BrokerErrors.unavailable("LongPort " + name + " socket: " + why, null);
        }
        String detail = "LongPort closed the " + name + " socket (" + close.getCode() + ": " + close.getReason() + ")";
        return switch (close.getCode()) {
            case AUTH_ERROR -> new GatewayException(ErrorCode.UNAUTHENTICATED, detail, null, close.getCode().name(), null);
            case CONNECT_DUPLICATE -> new GatewayException(ErrorCode.BROKER_REJECTED,
                    detail + ": another connection of this account is open", null, close.getCode().name(), null);
            default -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE, detail, null, close.getCode().name(), null);
        };
    }

    private static String closeDetail(WebSocket socket) {
        Short status = socket.closeStatusCode();
        String reason = socket.closeReason();
        return status == null ? "" : " (" + status + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
    }

    private void emit(ConnectionState state, String detail) {
        publicState = state;
        try {
            stateListener.onState(this, state, detail);
        } catch (RuntimeException e) {
            LOG.warnf(e, "state listener of the %s socket threw", name);
        }
    }

    private GatewayException closedError() {
        return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "LongPort " + name + " socket is closed");
    }

    private static <T extends MessageLite> T parse(Packet.Response r, com.google.protobuf.Parser<T> parser) {
        try {
            return Packets.parseBody(parser, r);
        } catch (MalformedPacketException e) {
            throw new GatewayException(ErrorCode.BROKER_REJECTED, e.getMessage());
        }
    }

    private static <T> CompletionStage<T> invoke(Supplier<CompletionStage<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
