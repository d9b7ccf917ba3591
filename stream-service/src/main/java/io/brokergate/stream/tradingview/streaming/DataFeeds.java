package io.brokergate.stream.tradingview.streaming;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.Capabilities.PushFeature;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.StreamKind;
import io.brokergate.stream.upstream.CapabilityMap;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The {@code /tv/streaming} feeds of this pod, one per account streamed from, and the connection
 * count per server client ({@code max-connections}, TradingView's 4). A feed subscribes the
 * configured symbols when its first connection arrives and lets go (through the hub, so upstream
 * subscriptions linger) when its last connection leaves. One timer ticks every feed: heartbeats,
 * dead-connection checks, retries of refused subscriptions.
 */
@ApplicationScoped
public class DataFeeds {

    private static final Logger LOG = Logger.getLogger(DataFeeds.class);

    private final FanoutHub hub;
    private final CapabilityMap capabilities;
    private final StreamingSettings settings;
    private final Vertx vertx;
    private final List<InstrumentId> symbols;
    /** Guarded by this. */
    private final Map<String, DataFeed> feeds = new HashMap<>();
    /** Guarded by this. */
    private final Map<String, Integer> connectionsByClient = new HashMap<>();
    private long timer = -1;

    public DataFeeds(FanoutHub hub, CapabilityMap capabilities, StreamingSettings settings, Vertx vertx) {
        this.hub = hub;
        this.capabilities = capabilities;
        this.settings = settings;
        this.vertx = vertx;
        this.symbols = parse(settings.symbols().orElse(List.of()));
    }

    /** A typo in the symbol list stops the start with a message naming it, rather than a silently missing symbol. */
    static List<InstrumentId> parse(List<String> configured) {
        Set<InstrumentId> out = new LinkedHashSet<>();
        for (String s : configured) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(InstrumentId.parse(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("brokergate.stream.tradingview.streaming.symbols: " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    void start(@Observes StartupEvent event) {
        if (symbols.isEmpty()) {
            LOG.warn("brokergate.stream.tradingview.streaming.symbols is empty: /tv/streaming sends heartbeats only");
        }
        timer = vertx.setPeriodic(settings.heartbeatInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    public List<InstrumentId> symbols() {
        return symbols;
    }

    /**
     * Joins a new connection to the account's feed.
     *
     * @throws GatewayException RATE_LIMITED when the client already has {@code max-connections} open
     */
    public synchronized StreamingConnection connect(Caller caller, Account account, HttpServerRequest request) {
        String client = clientOf(caller);
        int open = connectionsByClient.getOrDefault(client, 0);
        if (open >= settings.maxConnections()) {
            throw new GatewayException(ErrorCode.RATE_LIMITED, "at most " + settings.maxConnections()
                    + " simultaneous /streaming connections per client (TradingView opens up to 4 with identical data);"
                    + " close one first");
        }
        connectionsByClient.put(client, open + 1);
        DataFeed feed = feeds.computeIfAbsent(account.id(), id -> open(account));
        StreamingConnection c = new StreamingConnection(request, client, settings.backlog());
        feed.join(c);
        return c;
    }

    /** The connection is gone: its slot is free; a feed without connections ends its hub session. */
    public void disconnect(StreamingConnection c, String accountId) {
        if (!c.leave()) {
            return; // already counted out
        }
        ClientSession ended = null;
        synchronized (this) {
            DataFeed feed = feeds.get(accountId);
            if (feed == null || !feed.leave(c)) {
                release(c.client());
                return;
            }
            release(c.client());
            feeds.remove(accountId);
            ended = feed.session();
        }
        if (ended != null) {
            hub.close(ended);
        }
    }

    /** Connections open now, per feed account (for tests and metrics). */
    public synchronized int connections(String accountId) {
        DataFeed feed = feeds.get(accountId);
        return feed == null ? 0 : feed.connectionCount();
    }

    private void release(String client) {
        connectionsByClient.computeIfPresent(client, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The slot key: the OAuth client the server token was issued to (its subject without one). */
    private static String clientOf(Caller caller) {
        return caller.tenantId() + '/' + (caller.clientId() != null ? caller.clientId() : caller.subject());
    }

    private DataFeed open(Account account) {
        Capabilities c = capabilities.of(account.broker()).orElseThrow(() -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                "no adapter for broker " + account.broker().wireName()));
        Set<StreamKind> kinds = EnumSet.of(StreamKind.QUOTES);
        if (c.depthLevels() > 0 && c.pushes(PushFeature.DEPTH)) {
            kinds.add(StreamKind.DEPTH); // best bid and ask with sizes
        }
        if (c.pushes(PushFeature.TRADES)) {
            kinds.add(StreamKind.TRADES);
        }
        DataFeed feed = new DataFeed(account.id(), new StreamingLines(!c.pushes(PushFeature.TRADES)),
                settings.retryInterval().toNanos());
        Caller self = new Caller("tv-streaming:" + account.id(), account.tenantId(), Set.of(Scopes.QUOTES_READ),
                new AccountGrant(false, Set.of(account.id())), CredentialKind.SERVER, null, null);
        ClientSession session = hub.open(self, feed, Math.max(1, symbols.size() * kinds.size()));
        feed.attach(session);
        for (InstrumentId id : symbols) {
            for (StreamKind kind : kinds) {
                hub.subscribe(session, DataFeed.ref(kind, id), kind, account.id(), List.of(id));
            }
        }
        LOG.infof("/tv/streaming feed of %s: %d symbol(s), %s", account.id(), symbols.size(), kinds);
        return feed;
    }

    private void tick() {
        long now = System.currentTimeMillis() / 1000;
        long stall = settings.stallTimeout().toNanos();
        List<DataFeed> all;
        synchronized (this) {
            all = new ArrayList<>(feeds.values());
        }
        for (DataFeed feed : all) {
            for (DataFeed.Refused r : feed.tick(now, stall)) {
                ClientSession s = feed.session();
                if (s != null) {
                    hub.subscribe(s, DataFeed.ref(r.stream(), r.instrument()), r.stream(), feed.accountId(), List.of(r.instrument()));
                }
            }
        }
    }
}
