package io.brokergate.sim.longport;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradeTick;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.AuthResponse;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.ContentType;
import io.brokergate.longport.proto.DispatchType;
import io.brokergate.longport.proto.Notification;
import io.brokergate.longport.proto.PushTrade;
import io.brokergate.longport.proto.ReconnectRequest;
import io.brokergate.longport.proto.ReconnectResponse;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Handshake;
import io.brokergate.longport.wire.MalformedPacketException;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.longport.wire.QuoteErrorCodes;
import io.brokergate.longport.wire.ResponseStatus;
import io.brokergate.longport.wire.TradeCommand;
import io.brokergate.sim.engine.SimExchange;
import io.brokergate.sim.server.AccountCounters;
import io.brokergate.sim.server.AdvertisedUrls;
import io.brokergate.sim.server.SimRuntime;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * LongPort's quote and trade sockets over WebSocket (longport.md §2-§4): handshake, the per-connection
 * state machine, Auth/Reconnect with the connection rules, heartbeats, WS Ping and idle timeout,
 * command dispatch, and the push fan-out. Everything runs on the server's one event loop.
 */
public final class LongPortSockets {

    private static final Logger LOG = Logger.getLogger(LongPortSockets.class);

    /** {@code Error.code} of status-5 replies (LongPort documents no number for these). */
    static final long ERROR_NOT_AUTHENTICATED = 401;
    /** {@code Error.code} of status-6 replies when an account has too many sockets (issue #341: HTTP-like 403). */
    static final long ERROR_CONNECTION_LIMIT = 403;
    static final String CONNECTION_LIMIT_MESSAGE = "connections limitation is hit";
    private static final long DEAD_PEER_GRACE_MILLIS = 200;
    /** Recent prints sent with the first push of a TRADE subscription. */
    private static final int FIRST_PUSH_TRADES = 10;

    private final SimRuntime runtime;
    private final OneTimePasswords otps;
    private final SocketSessions sessions;
    private final QuoteSubscriptions subscriptions = new QuoteSubscriptions();
    private final QuoteRequestLimiter quoteLimiter;
    private final QuoteCommands quoteCommands;
    private final Map<Long, SocketConnection> live = new LinkedHashMap<>();
    private final Map<String, SocketConnection> quoteSocketByAccount = new HashMap<>();
    private final Map<String, Set<SocketConnection>> tradeSocketsByAccount = new HashMap<>();
    /** Per symbol and push cmd, the last sequence number sent. */
    private final Map<String, long[]> sequences = new HashMap<>();
    private long nextId = 1;
    private long sweepTimer = -1;

    LongPortSockets(SimRuntime runtime, OneTimePasswords otps, SocketSessions sessions) {
        this.runtime = runtime;
        this.otps = otps;
        this.sessions = sessions;
        this.quoteLimiter = new QuoteRequestLimiter(runtime.settings().limits().quoteRequestsPerSecond(),
                runtime.settings().limits().quoteRequestsInFlight());
        this.quoteCommands = new QuoteCommands(runtime, subscriptions, this::firstPush);
    }

    /** Starts the ping / idle / session sweep; call on the event loop. */
    void start() {
        long ping = runtime.settings().pingInterval().toMillis();
        long idle = runtime.settings().idleTimeout().toMillis();
        long every = Math.max(20, Math.min(1000, Math.min(ping, idle) / 4));
        sweepTimer = runtime.vertx().setPeriodic(every, id -> sweep());
    }

    // ------------------------------------------------------------------ connections

    /** @return false when the path is not one of ours (the caller rejects the upgrade) */
    boolean accept(ServerWebSocket ws) {
        SocketKind kind = kindOf(ws.path());
        if (kind == null) {
            return false;
        }
        ws.accept();
        SocketConnection c = new SocketConnection(nextId++, kind, ws, System.nanoTime());
        live.put(c.id(), c);
        ws.binaryMessageHandler(buf -> onBinary(c, buf));
        ws.textMessageHandler(text -> closeWith(c, Close.Code.UNPACK_ERROR, "text frames are not part of the protocol"));
        ws.pongHandler(buf -> c.touched(System.nanoTime()));
        ws.exceptionHandler(e -> LOG.debugf("%s: %s", c, e.getMessage()));
        ws.closeHandler(v -> {
            if (release(c)) {
                LOG.infof("%s disconnected by the client", c);
            }
        });
        String rejection = checkHandshake(ws.query());
        if (rejection != null) {
            closeWith(c, Close.Code.UNPACK_ERROR, rejection);
            return true;
        }
        LOG.infof("%s connected", c);
        return true;
    }

    private static SocketKind kindOf(String path) {
        return switch (path) {
            case AdvertisedUrls.QUOTE_PATH, "/quote", "/v2" -> SocketKind.QUOTE;
            case AdvertisedUrls.TRADE_PATH, "/trade" -> SocketKind.TRADE;
            default -> null;
        };
    }

    /** @return why the handshake is refused, or null when it is {@code version=1&codec=1&platform=9} */
    private static String checkHandshake(String query) {
        try {
            Handshake h = Handshake.parseQuery(query);
            if (!h.isSupported() || h.platform() != Handshake.PLATFORM_OPENAPI) {
                return "unsupported handshake " + h.toQuery() + " (expected " + Handshake.OPENAPI_V1.toQuery() + ")";
            }
            return null;
        } catch (MalformedPacketException e) {
            return e.getMessage();
        }
    }

    /** Authenticated sockets of an account (quote and trade): the {@code online} of the OTP and Auth replies. */
    int online(String accountNo) {
        Set<SocketConnection> trade = tradeSocketsByAccount.get(accountNo);
        return (quoteSocketByAccount.containsKey(accountNo) ? 1 : 0) + (trade == null ? 0 : trade.size());
    }

    /**
     * Drops an account's sockets. Abrupt: TCP close without Close push or WS close frame (what a
     * network failure looks like); otherwise a Close push and a WS close.
     *
     * @param kind null for both sockets
     * @return how many sockets were dropped
     */
    int drop(String accountNo, SocketKind kind, boolean abrupt) {
        int dropped = 0;
        for (SocketConnection c : new ArrayList<>(live.values())) {
            if (accountNo.equals(c.accountNo()) && (kind == null || c.kind() == kind) && c.acceptsInput()) {
                dropped++;
                if (abrupt) {
                    release(c);
                    c.closeAbruptly();
                    LOG.infof("%s dropped abruptly by the admin API", c);
                } else {
                    closeWith(c, Close.Code.SERVER_ERROR, "dropped by the admin API");
                }
            }
        }
        return dropped;
    }

    /** Graceful shutdown: every socket gets Close(ServerShutdown), then its WS close. */
    void shutdown() {
        if (sweepTimer >= 0) {
            runtime.vertx().cancelTimer(sweepTimer);
        }
        for (SocketConnection c : new ArrayList<>(live.values())) {
            closeWith(c, Close.Code.SERVER_SHUTDOWN, "server shutting down");
        }
    }

    private void sweep() {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        long idleNanos = runtime.settings().idleTimeout().toNanos();
        long pingNanos = runtime.settings().pingInterval().toNanos();
        for (SocketConnection c : new ArrayList<>(live.values())) {
            if (!c.acceptsInput()) {
                continue;
            }
            if (nowNanos - c.lastInboundNanos() > idleNanos) {
                closeWith(c, Close.Code.HEARTBEAT_TIMEOUT, "nothing received for "
                        + runtime.settings().idleTimeout().toMillis() + " ms");
                // A silent peer will not answer the WS close handshake either: cut the TCP connection
                // once the Close push has had time to leave.
                runtime.vertx().setTimer(DEAD_PEER_GRACE_MILLIS, id -> c.closeAbruptly());
            } else if (nowNanos - c.lastPingNanos() >= pingNanos) {
                c.ping(nowNanos);
            }
        }
        otps.prune(nowMillis);
    }

    /** Close push, then the WS close; bookkeeping at once so that a reconnect is not seen as a duplicate. */
    private void closeWith(SocketConnection c, Close.Code code, String reason) {
        if (c.state() == SocketConnection.State.CLOSED) {
            return;
        }
        c.send(encode(Packets.close(code, reason)));
        release(c);
        c.closeGracefully();
        LOG.infof("%s closed: %s (%s)", c, code, reason);
    }

    /** @return true when this call released it (first time) */
    private boolean release(SocketConnection c) {
        boolean wasAuthenticated = c.isAuthenticated();
        if (!c.markClosed()) {
            return false;
        }
        live.remove(c.id());
        String account = c.accountNo();
        if (account != null && wasAuthenticated) {
            AccountCounters counters = runtime.counters().of(account);
            if (c.kind() == SocketKind.QUOTE) {
                if (quoteSocketByAccount.get(account) == c) {
                    quoteSocketByAccount.remove(account);
                }
                subscriptions.removeAll(c);
                counters.subscribedSymbols(0);
                counters.quoteSocketClosed();
            } else {
                Set<SocketConnection> trade = tradeSocketsByAccount.get(account);
                if (trade != null) {
                    trade.remove(c);
                    if (trade.isEmpty()) {
                        tradeSocketsByAccount.remove(account);
                    }
                }
                counters.tradeSocketClosed();
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ requests

    private void onBinary(SocketConnection c, Buffer frame) {
        if (!c.acceptsInput()) {
            return;
        }
        c.touched(System.nanoTime());
        Packet packet;
        try {
            packet = PacketCodec.decode(frame);
        } catch (MalformedPacketException e) {
            closeWith(c, Close.Code.UNPACK_ERROR, e.getMessage());
            return;
        }
        if (!(packet instanceof Packet.Request req)) {
            return; // a response or push from a client answers nothing we asked; ignore it
        }
        try {
            onRequest(c, req);
        } catch (MalformedPacketException e) {
            // Framing was fine but the protobuf body was not: a bad request, not a broken stream.
            reply(c, Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: cmd %d failed", c, req.cmd());
            reply(c, Packets.error(req, ResponseStatus.SERVER_INTERNAL_ERROR, QuoteErrorCodes.SERVER_ERROR,
                    "internal error"));
        }
    }

    private void onRequest(SocketConnection c, Packet.Request req) {
        switch (req.cmd()) {
            case ControlCommand.HEARTBEAT -> {
                count(c, req);
                reply(c, Packets.echo(req));
            }
            case ControlCommand.AUTH -> auth(c, req);
            case ControlCommand.RECONNECT -> reconnect(c, req);
            default -> {
                if (!c.isAuthenticated()) {
                    reply(c, Packets.error(req, ResponseStatus.UNAUTHENTICATED, ERROR_NOT_AUTHENTICATED,
                            "not authenticated: send Auth (cmd 2) or Reconnect (cmd 3) first"));
                    return;
                }
                count(c, req);
                if (c.kind() == SocketKind.QUOTE) {
                    quoteRequest(c, req);
                } else {
                    reply(c, TradeCommands.handle(c, req));
                }
            }
        }
    }

    private void quoteRequest(SocketConnection c, Packet.Request req) {
        String account = c.accountNo();
        boolean limited = QuoteCommands.isRateLimited(req.cmd());
        if (limited && !quoteLimiter.tryStart(account, System.nanoTime())) {
            runtime.counters().of(account).quoteRequestRateLimited();
            int l = runtime.settings().limits().quoteRequestsPerSecond();
            int f = runtime.settings().limits().quoteRequestsInFlight();
            reply(c, Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.RATE_LIMITED,
                    "rate limited: at most " + l + " quote requests per second and " + f + " in flight"));
            return;
        }
        Future<QuoteCommands.Reply> pending;
        try {
            pending = quoteCommands.handle(c, req);
        } catch (RuntimeException e) {
            if (limited) {
                quoteLimiter.finished(account);
            }
            throw e;
        }
        pending.onComplete(ar -> {
            QuoteCommands.Reply r = ar.succeeded() ? ar.result() : QuoteCommands.Reply.of(engineFailure(c, req, ar.cause()));
            runtime.afterInjectedLatency(() -> {
                c.send(encode(r.response()));
                if (limited) {
                    quoteLimiter.finished(account);
                }
                if (c.isAuthenticated()) {
                    r.afterSent().run();
                }
            });
        });
    }

    private static Packet.Response engineFailure(SocketConnection c, Packet.Request req, Throwable cause) {
        Throwable t = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (t instanceof GatewayException g && (g.code() == ErrorCode.INVALID_REQUEST || g.code() == ErrorCode.NOT_FOUND)) {
            return Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST, g.getMessage());
        }
        LOG.errorf(t, "%s: cmd %d failed in the engine", c, req.cmd());
        return Packets.error(req, ResponseStatus.SERVER_INTERNAL_ERROR, QuoteErrorCodes.SERVER_ERROR, "internal error");
    }

    private void count(SocketConnection c, Packet.Request req) {
        if (c.accountNo() == null) {
            return;
        }
        String name = c.kind() == SocketKind.QUOTE ? QuoteCommand.name(req.cmd()) : TradeCommand.name(req.cmd());
        runtime.counters().of(c.accountNo()).countRequest(
                c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + req.cmd() + " " + name);
    }

    /** Every socket reply goes through here, so that the admin latency applies to all of them. */
    private void reply(SocketConnection c, Packet.Response response) {
        runtime.afterInjectedLatency(() -> c.send(encode(response)));
    }

    // ------------------------------------------------------------------ auth

    private void auth(SocketConnection c, Packet.Request req) {
        if (c.isAuthenticated()) {
            reply(c, Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST, "already authenticated"));
            return;
        }
        String token;
        try {
            token = AuthRequest.parseFrom(req.body()).getToken();
        } catch (InvalidProtocolBufferException e) {
            refuseAuth(c, req, "malformed AuthRequest");
            return;
        }
        long now = System.currentTimeMillis();
        String account = otps.consume(token, now).orElse(null);
        if (account == null || runtime.accounts().byAccountNo(account).isEmpty()) {
            refuseAuth(c, req, "invalid or expired OTP (get one from GET /v1/socket/token; each is single-use)");
            return;
        }
        SocketSessions.Session session = sessions.create(account, now);
        admit(c, req, session, s -> AuthResponse.newBuilder().setSessionId(s.id()).setExpires(s.expiresAtMillis())
                .setLimit(runtime.settings().limits().socketsPerAccount()).setOnline(online(s.accountNo())).build());
    }

    private void reconnect(SocketConnection c, Packet.Request req) {
        if (c.isAuthenticated()) {
            reply(c, Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST, "already authenticated"));
            return;
        }
        String sessionId;
        try {
            sessionId = ReconnectRequest.parseFrom(req.body()).getSessionId();
        } catch (InvalidProtocolBufferException e) {
            refuseAuth(c, req, "malformed ReconnectRequest");
            return;
        }
        SocketSessions.Session session = sessions.valid(sessionId, System.currentTimeMillis()).orElse(null);
        if (session == null || runtime.accounts().byAccountNo(session.accountNo()).isEmpty()) {
            refuseAuth(c, req, "unknown or expired session; authenticate with a new OTP");
            return;
        }
        admit(c, req, session, s -> ReconnectResponse.newBuilder().setSessionId(s.id()).setExpires(s.expiresAtMillis())
                .setLimit(runtime.settings().limits().socketsPerAccount()).setOnline(online(s.accountNo())).build());
    }

    /** The connection rules, then the socket joins its account. */
    private void admit(SocketConnection c, Packet.Request req, SocketSessions.Session session,
                       Function<SocketSessions.Session, MessageLite> response) {
        String account = session.accountNo();
        AccountCounters counters = runtime.counters().of(account);
        counters.countRequest(c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + req.cmd() + " "
                + ControlCommand.name(req.cmd()));
        if (c.kind() == SocketKind.QUOTE && quoteSocketByAccount.containsKey(account)) {
            counters.duplicateQuoteSocketRefused();
            refuse(c, req, ResponseStatus.PERMISSION_DENIED, ERROR_CONNECTION_LIMIT, CONNECTION_LIMIT_MESSAGE,
                    Close.Code.CONNECT_DUPLICATE, "account " + account + " already has a quote socket ("
                            + quoteSocketByAccount.get(account) + ")");
            return;
        }
        if (online(account) >= runtime.settings().limits().socketsPerAccount()) {
            refuse(c, req, ResponseStatus.PERMISSION_DENIED, ERROR_CONNECTION_LIMIT, CONNECTION_LIMIT_MESSAGE,
                    Close.Code.CONNECT_DUPLICATE, "account " + account + " has " + online(account) + " sockets");
            return;
        }
        c.authenticated(account);
        if (c.kind() == SocketKind.QUOTE) {
            quoteSocketByAccount.put(account, c);
            counters.quoteSocketOpened();
        } else {
            tradeSocketsByAccount.computeIfAbsent(account, k -> new LinkedHashSet<>()).add(c);
            counters.tradeSocketOpened();
        }
        LOG.infof("%s authenticated (%s, session %s…)", c, ControlCommand.name(req.cmd()),
                session.id().substring(0, 6));
        reply(c, Packets.ok(req, response.apply(session)));
    }

    private void refuseAuth(SocketConnection c, Packet.Request req, String why) {
        refuse(c, req, ResponseStatus.UNAUTHENTICATED, ERROR_NOT_AUTHENTICATED, why, Close.Code.AUTH_ERROR, why);
    }

    /** Error reply, then Close push and disconnect, in that order even with injected latency. */
    private void refuse(SocketConnection c, Packet.Request req, ResponseStatus status, long code, String message,
                        Close.Code closeCode, String logReason) {
        c.closing();
        LOG.infof("%s refused at %s: %s", c, ControlCommand.name(req.cmd()), logReason);
        Buffer error = encode(Packets.error(req, status, code, message));
        runtime.afterInjectedLatency(() -> {
            c.send(error);
            closeWith(c, closeCode, message);
        });
    }

    // ------------------------------------------------------------------ pushes

    void publishQuote(Quote q) {
        String symbol = q.instrument().symbol();
        fanOut(symbol, SubType.SUB_TYPE_QUOTE, () -> QuoteMessages.pushQuote(q, nextSequence(symbol, 0)),
                QuoteCommand.PUSH_QUOTE);
    }

    void publishDepth(Depth d) {
        String symbol = d.instrument().symbol();
        fanOut(symbol, SubType.SUB_TYPE_DEPTH, () -> QuoteMessages.pushDepth(d, nextSequence(symbol, 1)),
                QuoteCommand.PUSH_DEPTH);
    }

    void publishTrade(TradeTick t) {
        String symbol = t.instrument().symbol();
        fanOut(symbol, SubType.SUB_TYPE_TRADE, () -> QuoteMessages.pushTrade(t, nextSequence(symbol, 2)),
                QuoteCommand.PUSH_TRADE);
    }

    /** Encodes at most once, and only if someone listens; every subscriber gets the same bytes. */
    private void fanOut(String symbol, SubType type, java.util.function.Supplier<MessageLite> message, int cmd) {
        Set<SocketConnection> subscribers = subscriptions.subscribers(symbol);
        if (subscribers.isEmpty()) {
            return;
        }
        int bit = QuoteSubscriptions.bit(type);
        Buffer frame = null;
        for (SocketConnection c : subscribers) {
            if ((c.subscriptions().getOrDefault(symbol, 0) & bit) == 0 || runtime.faults().pushesPaused(c.accountNo())) {
                continue;
            }
            if (frame == null) {
                frame = Buffer.buffer(PacketCodec.encodePush(cmd, message.get()));
            }
            c.send(frame);
        }
    }

    boolean hasTradeListeners(String accountNo) {
        return tradeSocketsByAccount.containsKey(accountNo);
    }

    /** Order change of an account → cmd 18 on every trade socket of it subscribed to "private". */
    void publishOrderChange(String accountNo, byte[] json) {
        Set<SocketConnection> sockets = tradeSocketsByAccount.get(accountNo);
        if (sockets == null || runtime.faults().pushesPaused(accountNo)) {
            return;
        }
        Buffer frame = null;
        for (SocketConnection c : sockets) {
            if (!c.privateTopic()) {
                continue;
            }
            if (frame == null) {
                Notification n = Notification.newBuilder()
                        .setTopic(TradeCommand.TOPIC_PRIVATE)
                        .setContentType(ContentType.CONTENT_TYPE_JSON)
                        .setDispatchType(DispatchType.DISPATCH_TYPE_DIRECT)
                        .setData(com.google.protobuf.ByteString.copyFrom(json))
                        .build();
                frame = Buffer.buffer(PacketCodec.encodePush(TradeCommand.NOTIFY, n));
            }
            c.send(frame);
        }
    }

    /** After a subscribe with is_first_push: the current state of the new symbols, to that socket only. */
    private void firstPush(SocketConnection c, Set<String> symbols, int mask) {
        SimExchange exchange = runtime.exchange();
        for (String symbol : symbols) {
            InstrumentId id = InstrumentId.parse(symbol);
            if ((mask & QuoteSubscriptions.bit(SubType.SUB_TYPE_QUOTE)) != 0) {
                Quote q = exchange.quote(id);
                if (q != null) {
                    pushTo(c, symbol, SubType.SUB_TYPE_QUOTE, QuoteCommand.PUSH_QUOTE,
                            QuoteMessages.pushQuote(q, nextSequence(symbol, 0)));
                }
            }
            if ((mask & QuoteSubscriptions.bit(SubType.SUB_TYPE_DEPTH)) != 0) {
                Depth d = exchange.depth(id);
                if (d != null) {
                    pushTo(c, symbol, SubType.SUB_TYPE_DEPTH, QuoteCommand.PUSH_DEPTH,
                            QuoteMessages.pushDepth(d, nextSequence(symbol, 1)));
                }
            }
            if ((mask & QuoteSubscriptions.bit(SubType.SUB_TYPE_TRADE)) != 0) {
                Future.fromCompletionStage(exchange.recentTrades(id, FIRST_PUSH_TRADES), runtime.context())
                        .onSuccess(trades -> {
                            if (trades.isEmpty()) {
                                return;
                            }
                            PushTrade.Builder b = PushTrade.newBuilder().setSymbol(symbol)
                                    .setSequence(nextSequence(symbol, 2));
                            trades.forEach(t -> b.addTrade(QuoteMessages.trade(t)));
                            pushTo(c, symbol, SubType.SUB_TYPE_TRADE, QuoteCommand.PUSH_TRADE, b.build());
                        });
            }
        }
    }

    private void pushTo(SocketConnection c, String symbol, SubType type, int cmd, MessageLite message) {
        if (c.isAuthenticated() && (c.subscriptions().getOrDefault(symbol, 0) & QuoteSubscriptions.bit(type)) != 0
                && !runtime.faults().pushesPaused(c.accountNo())) {
            c.send(Buffer.buffer(PacketCodec.encodePush(cmd, message)));
        }
    }

    private long nextSequence(String symbol, int kind) {
        return ++sequences.computeIfAbsent(symbol, k -> new long[3])[kind];
    }

    private static Buffer encode(Packet packet) {
        return Buffer.buffer(PacketCodec.encode(packet));
    }

    /** Live sockets (authenticated or not); for tests and stats. */
    int liveCount() {
        return live.size();
    }
}
