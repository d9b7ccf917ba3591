package io.brokergate.stream.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.http.BearerCredentialRequest;
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
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /v1/stream}: the JSON client protocol (see the stream-service README). Authenticated by
 * {@code Authorization: Bearer} at the upgrade, or by an {@code auth} message within the auth
 * timeout. Handlers run on the event loop and never block.
 */
@WebSocket(path = "/v1/stream")
public class StreamSocket {

    private static final Set<StreamKind> ACCOUNT_STREAMS =
            EnumSet.of(StreamKind.ORDERS, StreamKind.EXECUTIONS, StreamKind.POSITIONS, StreamKind.ACCOUNT);

    @Inject
    SecurityIdentity identity;
    @Inject
    IdentityProviderManager identities;
    @Inject
    FanoutHub hub;
    @Inject
    StreamAccess access;
    @Inject
    FrameWriter writer;
    @Inject
    FanoutSettings settings;
    @Inject
    ObjectMapper json;
    @Inject
    Vertx vertx;

    private final Map<String, SocketState> states = new ConcurrentHashMap<>();

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        if (hub.isShuttingDown()) {
            WebSocketTransport.close(connection, WebSocketTransport.TRY_AGAIN_LATER, "server shutting down; reconnect");
            return;
        }
        SocketState state = new SocketState();
        states.put(connection.id(), state);
        Callers.find(identity).ifPresentOrElse(caller -> authenticated(connection, state, caller),
                () -> state.authTimer = vertx.setTimer(settings.authTimeout().toMillis(), id -> {
                    if (state.session == null) {
                        WebSocketTransport.close(connection, WebSocketTransport.POLICY_VIOLATION,
                                "authentication required: send {\"op\":\"auth\",\"token\":…} within "
                                        + settings.authTimeout().toSeconds() + " s");
                    }
                }));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        SocketState state = states.remove(connection.id());
        if (state != null) {
            vertx.cancelTimer(state.authTimer);
            if (state.session != null) {
                hub.close(state.session);
            }
        }
    }

    @OnTextMessage
    public Uni<Void> onMessage(String message, WebSocketConnection connection) {
        SocketState state = states.get(connection.id());
        if (state == null) {
            return Uni.createFrom().voidItem();
        }
        if (tooLarge(message)) {
            return invalid(connection, state, "message_too_large", "messages are limited to " + settings.maxMessageBytes() + " bytes", null);
        }
        ClientOp op;
        try {
            op = ClientOp.of(json.readTree(message));
        } catch (JsonProcessingException e) {
            return invalid(connection, state, "malformed", "message is not valid JSON", null);
        } catch (IllegalArgumentException e) {
            return invalid(connection, state, "malformed", e.getMessage(), null);
        }
        if (op.op() == null) {
            return invalid(connection, state, "malformed", "op is required", op.ref());
        }
        if (state.session == null) {
            if ("auth".equals(op.op())) {
                return authenticate(connection, state, op);
            }
            return invalid(connection, state, "unauthenticated", "send {\"op\":\"auth\",\"token\":…} first", op.ref());
        }
        try {
            switch (op.op()) {
                case "subscribe", "unsubscribe" -> subscription(state.session, op);
                case "resume" -> resume(state.session, op);
                case "ping" -> hub.send(state.session, writer.pong(op.ref()));
                case "auth" -> hub.error(state.session, "already_authenticated", "this connection is authenticated", op.ref());
                default -> {
                    return invalid(connection, state, "unknown_op", "unknown op '" + abbreviate(op.op()) + "'", op.ref());
                }
            }
        } catch (GatewayException e) {
            hub.error(state.session, e.code().wireName(), e.getMessage(), op.ref());
        }
        return Uni.createFrom().voidItem();
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

    private Uni<Void> authenticate(WebSocketConnection connection, SocketState state, ClientOp op) {
        if (op.token() == null || op.token().isBlank()) {
            WebSocketTransport.close(connection, WebSocketTransport.POLICY_VIOLATION, "authentication failed: token is required");
            return Uni.createFrom().voidItem();
        }
        return identities.authenticate(new BearerCredentialRequest(op.token().trim()))
                .onItem().transform(Callers::find)
                .onItemOrFailure().invoke((caller, failure) -> {
                    if (failure != null || caller == null || caller.isEmpty()) {
                        String why = failure == null || failure.getMessage() == null ? "invalid credential" : failure.getMessage();
                        WebSocketTransport.close(connection, WebSocketTransport.POLICY_VIOLATION, "authentication failed: " + why);
                    } else if (connection.isOpen() && states.containsKey(connection.id())) {
                        vertx.cancelTimer(state.authTimer);
                        authenticated(connection, state, caller.get());
                    }
                })
                .replaceWithVoid().onFailure().recoverWithNull();
    }

    private void authenticated(WebSocketConnection connection, SocketState state, Caller caller) {
        state.session = hub.open(caller, new WebSocketTransport(connection));
        hub.send(state.session, writer.authenticated(caller.subject(), caller.tenantId()));
    }

    /** Answers a bad message with an error; a connection that keeps sending them is closed. */
    private Uni<Void> invalid(WebSocketConnection connection, SocketState state, String code, String message, String ref) {
        long now = System.nanoTime();
        synchronized (state) {
            if (now - state.windowStart > settings.invalidMessageWindow().toNanos()) {
                state.windowStart = now;
                state.invalid = 0;
            }
            state.invalid++;
        }
        if (state.invalid > settings.maxInvalidMessages()) {
            WebSocketTransport.close(connection, WebSocketTransport.POLICY_VIOLATION, "too many invalid messages");
        } else if (state.session != null) {
            hub.error(state.session, code, message, ref);
        } else {
            connection.sendText(writer.error(code, message, ref).json()).subscribe().with(ok -> { }, f -> { });
        }
        return Uni.createFrom().voidItem();
    }

    private boolean tooLarge(String message) {
        int max = settings.maxMessageBytes();
        // chars never outnumber UTF-8 bytes, and one char is at most 3 bytes: count bytes only in between
        return message.length() > max || (message.length() * 3L > max && message.getBytes(StandardCharsets.UTF_8).length > max);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** Per-connection state; written on the connection's event loop. */
    private static final class SocketState {
        volatile ClientSession session;
        volatile long authTimer = -1;
        long windowStart = System.nanoTime();
        int invalid;
    }
}
