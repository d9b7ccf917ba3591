package io.brokergate.longport.adapter;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.PushListener;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.quotes.QuoteStream;
import io.brokergate.longport.session.ListenerSet;
import io.brokergate.longport.session.SocketLink;
import io.brokergate.longport.trading.TradeStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The push session of one account: a quote socket and a trade socket on one event loop. Listeners
 * see one connection state for both (the worse of the two; RESTORED once a dropped socket has
 * been restored and reconciled) with a detail naming the socket.
 *
 * <p><b>Listener callbacks run on the session's Vert.x event loop.</b> They must be cheap and never
 * block: hand work off to a queue. A slow listener delays every push of the account.
 */
public final class LongPortPushSession implements PushSession {

    private static final Logger LOG = Logger.getLogger(LongPortPushSession.class);

    private final ListenerSet listeners;
    private QuoteStream quotes;
    private TradeStream trades;
    /** Written on the event loop only; read anywhere. */
    private volatile ConnectionState state = ConnectionState.CLOSED;
    private volatile boolean closed;

    LongPortPushSession(ListenerSet listeners) {
        this.listeners = listeners;
    }

    /** Two-step wiring: the streams' links report their states to this session. */
    void attach(QuoteStream quoteStream, TradeStream tradeStream) {
        this.quotes = quoteStream;
        this.trades = tradeStream;
    }

    /** Connects both sockets; if either fails, both are stopped and the failure is returned. */
    @Override
    public CompletionStage<Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "push session closed"));
        }
        CompletableFuture<Void> q = quotes.link().connect().toCompletableFuture();
        CompletableFuture<Void> t = trades.link().connect().toCompletableFuture();
        return CompletableFuture.allOf(q, t).handle((v, err) -> {
            if (err == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            String why = BrokerErrors.unwrap(err).getMessage();
            return CompletableFuture.allOf(quotes.link().disconnect("connect failed: " + why).toCompletableFuture(),
                            trades.link().disconnect("connect failed: " + why).toCompletableFuture())
                    .<Void>thenCompose(x -> CompletableFuture.failedFuture(BrokerErrors.unwrap(err)));
        }).thenCompose(s -> s);
    }

    @Override
    public CompletionStage<Void> subscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        return quotes.subscribe(instruments, kinds);
    }

    @Override
    public CompletionStage<Void> unsubscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        return quotes.unsubscribe(instruments, kinds);
    }

    @Override
    public Map<InstrumentId, Set<SubscriptionKind>> subscriptions() {
        // Hops to the event loop; never call this from inside a listener callback and block on it.
        CompletableFuture<Map<InstrumentId, Set<SubscriptionKind>>> f = quotes.subscriptions().toCompletableFuture();
        return f.join();
    }

    @Override
    public int subscriptionCap() {
        return quotes.cap();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void addListener(PushListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(PushListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletionStage<Void> close() {
        closed = true;
        return CompletableFuture.allOf(quotes.link().close().toCompletableFuture(),
                trades.link().close().toCompletableFuture());
    }

    /** Called by both links on the shared event loop. */
    void onSocketState(SocketLink link, ConnectionState socketState, String detail) {
        ConnectionState next = aggregate();
        if (next != state) {
            state = next;
            LOG.debugf("LongPort push session %s (%s socket: %s)", next, link.name(), detail);
            listeners.state(next, link.name() + " socket: " + detail);
        }
    }

    private ConnectionState aggregate() {
        if (quotes == null || trades == null) {
            return ConnectionState.CLOSED;
        }
        ConnectionState q = quotes.link().state();
        ConnectionState t = trades.link().state();
        if (closed || (q == ConnectionState.CLOSED && t == ConnectionState.CLOSED)) {
            return ConnectionState.CLOSED;
        }
        if (q == ConnectionState.RECONNECTING || t == ConnectionState.RECONNECTING) {
            return ConnectionState.RECONNECTING;
        }
        if (q == ConnectionState.CONNECTING || t == ConnectionState.CONNECTING) {
            return ConnectionState.CONNECTING;
        }
        return q == ConnectionState.RESTORED || t == ConnectionState.RESTORED ? ConnectionState.RESTORED
                : ConnectionState.CONNECTED;
    }
}
