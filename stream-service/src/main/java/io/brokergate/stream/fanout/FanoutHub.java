package io.brokergate.stream.fanout;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.api.security.Caller;
import io.brokergate.stream.events.StreamEvents;
import io.brokergate.stream.subscriptions.UpstreamDemand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * This pod's fan-out: one subscription to {@link StreamEvents}, dispatched to client sessions by
 * (account, stream, instrument). The upstream reader only updates caches and offers frames to
 * bounded outboxes, so it never waits for a client.
 */
@ApplicationScoped
public class FanoutHub {

    private static final Logger LOG = Logger.getLogger(FanoutHub.class);
    private static final Object HEARTBEAT_SLOT = new Object();

    private final StreamEvents events;
    private final UpstreamDemand demand;
    private final FrameWriter writer;
    private final FanoutSettings settings;
    private final Vertx vertx;
    private final Map<String, AccountFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> clientsByProtocol = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Counter conflated;
    private final Counter slowDisconnects;
    private final ClientOutbox.Listener outboxListener;
    private volatile boolean shuttingDown;
    private Cancellable marketSubscription;
    private Cancellable accountSubscription;
    private long heartbeatTimer = -1;

    public FanoutHub(StreamEvents events, UpstreamDemand demand, FrameWriter writer, FanoutSettings settings,
                     Vertx vertx, MeterRegistry meters) {
        this.events = events;
        this.demand = demand;
        this.writer = writer;
        this.settings = settings;
        this.vertx = vertx;
        this.meters = meters;
        this.conflated = meters.counter("brokergate.stream.conflated");
        this.slowDisconnects = meters.counter("brokergate.stream.disconnects", "reason", "slow");
        meters.gauge("brokergate.stream.queue.depth.max", sessions, FanoutHub::maxDepth);
        this.outboxListener = new ClientOutbox.Listener() {
            @Override
            public void conflated() {
                conflated.increment();
            }

            @Override
            public void tooSlow(ClientOutbox outbox) {
                slowDisconnects.increment();
                outbox.transport().close("too slow: " + settings.losslessBacklog()
                        + " undelivered order events; reconnect and resume");
            }
        };
    }

    void start(@Observes StartupEvent ignored) {
        // Retry forever: a broken event source must not leave this pod silently without data.
        marketSubscription = events.marketData().onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely().subscribe().with(this::onMarketData, e -> LOG.error("market data stream ended", e));
        accountSubscription = events.accountEvents().onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely().subscribe().with(this::onAccountEvent, e -> LOG.error("account event stream ended", e));
        heartbeatTimer = vertx.setPeriodic(settings.heartbeat().toMillis(), id -> heartbeat());
    }

    void stop(@Observes ShutdownEvent ignored) {
        shuttingDown = true;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        closeEveryClient("server shutting down; reconnect and resume");
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20); // the shutdown thread waits for the closing messages to leave
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (marketSubscription != null) {
            marketSubscription.cancel();
            accountSubscription.cancel();
        }
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    // --- upstream ---

    void onMarketData(MarketDataEvent e) {
        try {
            feed(e.stamp().accountId()).instrument(e.instrument()).accept(e, writer);
        } catch (RuntimeException ex) {
            LOG.errorf(ex, "dropping market data event for %s", e.key()); // one bad event must not end the stream
        }
    }

    void onAccountEvent(AccountEvent e) {
        try {
            feed(e.stamp().accountId()).accept(e, writer, System.nanoTime());
        } catch (RuntimeException ex) {
            LOG.errorf(ex, "could not dispatch account event of %s", e.key());
        }
    }

    private AccountFeed feed(String accountId) {
        return feeds.computeIfAbsent(accountId, id -> new AccountFeed(id, settings.ordersPerAccount(),
                settings.retentionEvents(), settings.retentionAge().toNanos(), conflated::increment));
    }

    // --- clients ---

    public ClientSession open(Caller caller, ClientTransport transport) {
        return open(caller, transport, settings.maxSubscriptionsPerConnection());
    }

    /** A session allowed more subscriptions than a connection (a stream that follows several kinds per symbol). */
    public ClientSession open(Caller caller, ClientTransport transport, int maxSubscriptions) {
        ClientOutbox outbox = new ClientOutbox(transport, settings.losslessBacklog(), settings.sendWindow(), outboxListener);
        ClientSession s = new ClientSession(UUID.randomUUID().toString(), caller, outbox, maxSubscriptions);
        sessions.put(s.id(), s);
        clients(transport.protocol()).incrementAndGet();
        return s;
    }

    /** Ends a session and releases each of its upstream subscriptions exactly once. Idempotent. */
    public void close(ClientSession s) {
        if (sessions.remove(s.id()) == null) {
            return;
        }
        clients(s.outbox().transport().protocol()).decrementAndGet();
        for (SubscriptionKey key : List.copyOf(s.subscriptions.keySet())) {
            remove(s, key);
        }
    }

    public void send(ClientSession s, Frame frame) {
        s.outbox().offerLossless(frame);
    }

    public void error(ClientSession s, String code, String message, String ref) {
        s.outbox().offerLossless(writer.error(code, message, ref));
    }

    /** Subscribes an authorized session (see {@link StreamAccess}) to an account stream or market-data symbols. */
    public void subscribe(ClientSession s, String ref, StreamKind stream, String accountId, List<InstrumentId> symbols) {
        int adding = stream.isMarketData() ? symbols.size() : 1;
        if (s.subscriptionCount() + adding > s.maxSubscriptions()) {
            error(s, "too_many_subscriptions", "at most " + s.maxSubscriptions() + " subscriptions per connection", ref);
            return;
        }
        AccountFeed feed = feed(accountId);
        if (!stream.isMarketData()) {
            SubscriptionKey key = new SubscriptionKey(stream, accountId, null);
            if (!feed.subscribe(s, key, ref, writer)) {
                error(s, "already_subscribed", stream.wireName() + " of " + accountId + " is already subscribed", ref);
            }
            return;
        }
        for (InstrumentId instrument : symbols) {
            SubscriptionKey key = new SubscriptionKey(stream, accountId, instrument);
            if (s.subscriptions.putIfAbsent(key, ClientSession.State.PENDING) != null) {
                error(s, "already_subscribed", stream.wireName() + " " + instrument.symbol() + " is already subscribed", ref);
                continue;
            }
            InstrumentFeed target = feed.instrument(instrument);
            demand.acquire(accountId, instrument, stream.upstreamKind()).subscribe().with(
                    ok -> {
                        if (!target.activate(s, key, ref, writer)) {
                            demand.release(accountId, instrument, stream.upstreamKind());
                        }
                    },
                    failure -> {
                        s.subscriptions.remove(key, ClientSession.State.PENDING);
                        if (failure instanceof GatewayException g) {
                            error(s, g.code().wireName(), g.getMessage(), ref);
                        } else {
                            LOG.warnf(failure, "upstream subscription of %s %s failed", accountId, instrument);
                            error(s, "broker_unavailable", "upstream subscription failed; retry later", ref);
                        }
                    });
        }
    }

    public void unsubscribe(ClientSession s, String ref, StreamKind stream, String accountId, List<InstrumentId> symbols) {
        if (stream.isMarketData()) {
            for (InstrumentId instrument : symbols) {
                remove(s, new SubscriptionKey(stream, accountId, instrument));
            }
        } else {
            remove(s, new SubscriptionKey(stream, accountId, null));
        }
        s.outbox().offerLossless(writer.frame("unsubscribed", null, new ServerMessages.Unsubscribed("unsubscribed", ref,
                stream.wireName(), accountId, stream.isMarketData() ? symbols.stream().map(InstrumentId::symbol).toList() : null)));
    }

    /** Resumes account streams from a sequence (inclusive); see {@link AccountFeed#resume}. */
    public void resume(ClientSession s, String ref, String accountId, Set<StreamKind> streams, Long epoch, long fromSequence) {
        feed(accountId).resume(s, streams, ref, epoch, fromSequence, writer, System.nanoTime());
    }

    private void remove(ClientSession s, SubscriptionKey key) {
        AccountFeed feed = feeds.get(key.accountId());
        if (feed == null) {
            s.subscriptions.remove(key);
            return;
        }
        if (key.instrument() == null) {
            feed.unsubscribe(s, key);
        } else if (feed.instrument(key.instrument()).deactivate(s, key)) {
            demand.release(key.accountId(), key.instrument(), key.stream().upstreamKind());
        }
    }

    /** Tells every client to reconnect and closes it once that message has left. */
    public void closeEveryClient(String reason) {
        Frame closing = writer.closing(reason);
        for (ClientSession s : sessions.values()) {
            s.outbox().offerLossless(closing);
            s.outbox().closeWhenDrained(reason);
        }
    }

    public int connectedClients() {
        return sessions.size();
    }

    private void heartbeat() {
        if (sessions.isEmpty()) {
            return;
        }
        Frame beat = writer.heartbeat();
        for (ClientSession s : sessions.values()) {
            s.outbox().offerLatest(HEARTBEAT_SLOT, beat);
        }
    }

    private AtomicInteger clients(String protocol) {
        return clientsByProtocol.computeIfAbsent(protocol,
                p -> meters.gauge("brokergate.stream.clients", io.micrometer.core.instrument.Tags.of("protocol", p), new AtomicInteger()));
    }

    private static double maxDepth(Map<String, ClientSession> sessions) {
        int max = 0;
        for (ClientSession s : sessions.values()) {
            max = Math.max(max, s.outbox().depth());
        }
        return max;
    }
}
