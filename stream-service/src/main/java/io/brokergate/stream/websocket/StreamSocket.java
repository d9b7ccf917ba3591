package io.brokergate.stream.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.problem.Problem;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.http.BearerCredentialRequest;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.FanoutSettings;
import io.brokergate.stream.fanout.FrameWriter;
import io.brokergate.stream.fanout.StreamAccess;
import io.brokergate.stream.fanout.StreamKind;
import io.brokergate.stream.fanout.Symbols;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/stream}: the JSON client protocol (see the stream-service README) on a plain Vert.x
 * WebSocket, so that the hub writes to sockets with completion callbacks and nothing else per
 * message. Authenticated by {@code Authorization: Bearer} at the upgrade (a refused credential is
 * a 401 before it), or by an {@code auth} message within the auth timeout. Handlers run on the
 * socket's event loop and never block.
 */
@ApplicationScoped
public class StreamSocket {

    static final String PATH = "/v1/stream";
    private static final Set<StreamKind> ACCOUNT_STREAMS =
            EnumSet.of(StreamKind.ORDERS, StreamKind.EXECUTIONS, StreamKind.POSITIONS, StreamKind.ACCOUNT);

    private final IdentityProviderManager identities;
    private final FanoutHub hub;
    private final StreamAccess access;
    private final FrameWriter writer;
    private final FanoutSettings settings;
    private final ObjectMapper json;
    private final Vertx vertx;

    public StreamSocket(IdentityProviderManager identities, FanoutHub hub, StreamAccess access, FrameWriter writer,
                        FanoutSettings settings, ObjectMapper json, Vertx vertx) {
        this.identities = identities;
        this.hub = hub;
        this.access = access;
        this.writer = writer;
        this.settings = settings;
        this.json = json;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            problem(ctx, GatewayException.invalid("/v1/stream is a WebSocket endpoint: send an upgrade request"));
            return;
        }
        ctx.request().pause();
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> ctx.request().toWebSocket().onSuccess(ws -> onOpen(ws, Callers.find(identity).orElse(null)))
                        .onFailure(e -> closeQuietly(ctx)),
                failure -> problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid credential")));
    }

    private void onOpen(ServerWebSocket ws, Caller caller) {
        if (hub.isShuttingDown()) {
            WebSocketTransport.close(ws, WebSocketTransport.TRY_AGAIN_LATER, "server shutting down; reconnect");
            return;
        }
        SocketState state = new SocketState(ws);
        ws.textMessageHandler(message -> onMessage(message, state));
        ws.binaryMessageHandler(bytes -> invalid(state, "malformed", "messages are JSON text, not binary", null));
        ws.closeHandler(v -> onClose(state));
        ws.exceptionHandler(e -> { }); // the close handler follows
        if (caller != null) {
            authenticated(state, caller);
        } else {
            state.authTimer = vertx.setTimer(settings.authTimeout().toMillis(), id -> {
                if (state.session == null) {
                    WebSocketTransport.close(ws, WebSocketTransport.POLICY_VIOLATION,
                            "authentication required: send {\"op\":\"auth\",\"token\":…} within "
                                    + settings.authTimeout().toSeconds() + " s");
                }
            });
        }
    }

    private void onClose(SocketState state) {
        vertx.cancelTimer(state.authTimer);
        if (state.session != null) {
            hub.close(state.session);
        }
    }

    private void onMessage(String message, SocketState state) {
        if (tooLarge(message)) {
            invalid(state, "message_too_large", "messages are limited to " + settings.maxMessageBytes() + " bytes", null);
            return;
        }
        ClientOp op;
        try {
            op = ClientOp.of(json.readTree(message));
        } catch (JsonProcessingException e) {
            invalid(state, "malformed", "message is not valid JSON", null);
            return;
        } catch (IllegalArgumentException e) {
            invalid(state, "malformed", e.getMessage(), null);
            return;
        }
        if (op.op() == null) {
            invalid(state, "malformed", "op is required", op.ref());
            return;
        }
        if (state.session == null) {
            if ("auth".equals(op.op())) {
                authenticate(state, op);
            } else {
                invalid(state, "unauthenticated", "send {\"op\":\"auth\",\"token\":…} first", op.ref());
            }
            return;
        }
        try {
            switch (op.op()) {
                case "subscribe", "unsubscribe" -> subscription(state.session, op);
                case "resume" -> resume(state.session, op);
                case "ping" -> hub.send(state.session, writer.pong(op.ref()));
                case "auth" -> hub.error(state.session, "already_authenticated", "this connection is authenticated", op.ref());
                default -> invalid(state, "unknown_op", "unknown op '" + abbreviate(op.op()) + "'", op.ref());
            }
        } catch (GatewayException e) {
            hub.error(state.session, e.code().wireName(), e.getMessage(), op.ref());
        }
    }

    private void subscription(ClientSession session, ClientOp op) {
        StreamKind stream = StreamKind.parse(op.stream())
                .orElseThrow(() -> GatewayException.invalid("unknown stream '" + abbreviate(op.stream()) + "'"));
        access.authorize(session.caller(), stream, op.account());
        List<InstrumentId> symbols = stream.isMarketData() ? Symbols.parse(op.symbols(), stream) : List.of();
        if ("subscribe".equals(op.op())) {
            hub.subscribe(session, op.ref(), stream, op.account(), symbols);
        } else {
            hub.unsubscribe(session, op.ref(), stream, op.account(), symbols);
        }
    }

    private void resume(ClientSession session, ClientOp op) {
        if (op.fromSequence() == null) {
            throw GatewayException.invalid("from_sequence is required");
        }
        Set<StreamKind> streams = EnumSet.noneOf(StreamKind.class);
        for (String name : op.streams() == null ? List.<String>of() : op.streams()) {
            StreamKind k = StreamKind.parse(name).filter(ACCOUNT_STREAMS::contains)
                    .orElseThrow(() -> GatewayException.invalid("resume covers account streams only, not '" + abbreviate(name) + "'"));
            streams.add(k);
        }
        if (streams.isEmpty()) {
            streams.addAll(ACCOUNT_STREAMS);
        }
        for (StreamKind k : streams) {
            access.authorize(session.caller(), k, op.account());
        }
        hub.resume(session, op.ref(), op.account(), streams, op.epoch(), op.fromSequence());
    }

    private void authenticate(SocketState state, ClientOp op) {
        if (op.token() == null || op.token().isBlank()) {
            WebSocketTransport.close(state.socket, WebSocketTransport.POLICY_VIOLATION, "authentication failed: token is required");
            return;
        }
        identities.authenticate(new BearerCredentialRequest(op.token().trim())).map(Callers::find).subscribe().with(
                caller -> {
                    if (caller.isEmpty()) {
                        WebSocketTransport.close(state.socket, WebSocketTransport.POLICY_VIOLATION, "authentication failed: invalid credential");
                    } else if (!state.socket.isClosed() && state.session == null) {
                        vertx.cancelTimer(state.authTimer);
                        authenticated(state, caller.get());
                    }
                },
                failure -> WebSocketTransport.close(state.socket, WebSocketTransport.POLICY_VIOLATION, "authentication failed: "
                        + (failure.getMessage() == null ? "invalid credential" : failure.getMessage())));
    }

    private void authenticated(SocketState state, Caller caller) {
        state.session = hub.open(caller, new WebSocketTransport(state.socket));
        hub.send(state.session, writer.authenticated(caller.subject(), caller.tenantId()));
    }

    /** Answers a bad message with an error; a connection that keeps sending them is closed. */
    private void invalid(SocketState state, String code, String message, String ref) {
        long now = System.nanoTime();
        if (now - state.windowStart > settings.invalidMessageWindow().toNanos()) {
            state.windowStart = now;
            state.invalid = 0;
        }
        state.invalid++;
        if (state.invalid > settings.maxInvalidMessages()) {
            WebSocketTransport.close(state.socket, WebSocketTransport.POLICY_VIOLATION, "too many invalid messages");
        } else if (state.session != null) {
            hub.error(state.session, code, message, ref);
        } else {
            state.socket.writeTextMessage(writer.error(code, message, ref).json());
        }
    }

    private boolean tooLarge(String message) {
        int max = settings.maxMessageBytes();
        // chars never outnumber UTF-8 bytes, and one char is at most 3 bytes: count bytes only in between
        return message.length() > max || (message.length() * 3L > max && message.getBytes(StandardCharsets.UTF_8).length > max);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private void problem(RoutingContext ctx, GatewayException e) {
        HttpServerResponse r = ctx.response().setStatusCode(e.code().httpStatus()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            r.putHeader("WWW-Authenticate", "Bearer");
        }
        try {
            r.end(json.writeValueAsString(Problem.of(e.code(), e.getMessage(), PATH)));
        } catch (JsonProcessingException ex) {
            r.end();
        }
    }

    private static void closeQuietly(RoutingContext ctx) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(400).end();
        }
    }

    /** Per-connection state; touched on the socket's event loop only (the session is read by the close handler there too). */
    private static final class SocketState {
        final ServerWebSocket socket;
        volatile ClientSession session;
        long authTimer = -1;
        long windowStart = System.nanoTime();
        int invalid;

        SocketState(ServerWebSocket socket) {
            this.socket = socket;
        }
    }
}
