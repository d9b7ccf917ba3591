package io.brokergate.trade.brackets;

import io.brokergate.core.events.EventStamp;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.events.SubscriptionIntent;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Side;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.messaging.intents.IntentSettings;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Watches the market for armed stops. It asks each account's socket owner for quotes of the armed
 * instruments on {@code subscription-intents} (as a pod of its own, so the owner keeps them
 * subscribed whatever the stream clients do) and fires a stop when the last price reaches it: at or
 * below the stop for a sell, at or above for a buy.
 */
@ApplicationScoped
public class ArmedStops {

    static final String MARKET_DATA_IN = "trade-market-data";
    static final String INTENTS_OUT = "trade-subscription-intents";
    private static final Logger LOG = Logger.getLogger(ArmedStops.class);
    /** This process as a subscriber on the owners' side; intents are keyed by account and pod. */
    private static final String POD = "trade-" + (System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME")
            : UUID.randomUUID().toString().substring(0, 8));

    private final BracketStore store;
    private final Brackets brackets;
    private final Emitter<SubscriptionIntent> intents;
    private final Vertx vertx;
    /** Armed stops by market-data key (feed account | symbol); replaced whole, read lock-free per tick. */
    private volatile Map<String, List<BracketLeg>> watched = Map.of();
    /** The intent last sent per account, so only changes are sent and a withdrawal names the right tenant. */
    private final Map<String, SubscriptionIntent> asked = new ConcurrentHashMap<>();
    /** The owner's stamp of the newest quote per watched key. */
    private final Map<String, EventStamp> newest = new ConcurrentHashMap<>();

    public ArmedStops(BracketStore store, Brackets brackets, @Channel(INTENTS_OUT) Emitter<SubscriptionIntent> intents,
                      Vertx vertx) {
        this.store = store;
        this.brackets = brackets;
        this.intents = intents;
        this.vertx = vertx;
    }

    /** Re-reads the armed stops (after arming one here, and periodically for those armed by other pods). */
    public synchronized void reload() {
        Map<String, List<BracketLeg>> next = new HashMap<>();
        Map<String, SubscriptionIntent> wanted = new HashMap<>();
        for (BracketLeg leg : store.armed()) {
            next.computeIfAbsent(leg.accountId() + '|' + leg.instrument().symbol(), k -> new ArrayList<>()).add(leg);
            SubscriptionIntent before = wanted.get(leg.accountId());
            Map<InstrumentId, Set<SubscriptionKind>> map = before == null ? new HashMap<>() : new HashMap<>(before.wanted());
            map.put(leg.instrument(), Set.of(SubscriptionKind.QUOTE));
            wanted.put(leg.accountId(), new SubscriptionIntent(SubscriptionIntent.VERSION, leg.tenantId(), leg.accountId(),
                    POD, map, Instant.now()));
        }
        watched = Map.copyOf(next);
        wanted.values().forEach(this::ask);
        for (SubscriptionIntent previous : List.copyOf(asked.values())) {
            if (!wanted.containsKey(previous.accountId())) {
                ask(new SubscriptionIntent(SubscriptionIntent.VERSION, previous.tenantId(), previous.accountId(), POD, Map.of(),
                        Instant.now()));
            }
        }
    }

    void restateEvery(@Observes StartupEvent event, IntentSettings settings) {
        vertx.setPeriodic(Math.max(1, settings.refresh().toMillis()), id -> restate());
    }

    /** Restates every intent held, so that the owners keep the stops' quotes past their lease. */
    synchronized void restate() {
        for (SubscriptionIntent held : List.copyOf(asked.values())) {
            SubscriptionIntent again = new SubscriptionIntent(SubscriptionIntent.VERSION, held.tenantId(), held.accountId(), POD,
                    held.wanted(), Instant.now());
            intents.send(again);
            asked.put(again.accountId(), again);
        }
    }

    private void ask(SubscriptionIntent intent) {
        SubscriptionIntent previous = asked.get(intent.accountId());
        if (previous != null ? previous.wanted().equals(intent.wanted()) : intent.wanted().isEmpty()) {
            return;
        }
        intents.send(intent);
        if (intent.wanted().isEmpty()) {
            asked.remove(intent.accountId());
        } else {
            asked.put(intent.accountId(), intent);
        }
    }

    @Incoming(MARKET_DATA_IN)
    public void onMarketData(MarketDataEvent event) {
        if (event == null || event.kind() != MarketDataEvent.Kind.QUOTE) {
            return; // null: a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        String key = event.key();
        List<BracketLeg> legs = watched.get(key);
        if (legs == null || !newest(key, event.stamp())) {
            return;
        }
        BigDecimal last = last(event.quote());
        if (last == null) {
            return;
        }
        for (BracketLeg leg : legs) {
            if (reached(leg, last)) {
                vertx.executeBlocking(() -> {
                    brackets.fire(leg, last);
                    return null;
                }, false).onFailure(e -> LOG.warnf("stop %s of %s could not fire: %s", leg.legId(), leg.accountId(),
                        e.getMessage()));
            }
        }
    }

    /** False for a stale socket owner's quote (an older epoch) or a redelivery: a stop fires on the current owner's prices. */
    private boolean newest(String key, EventStamp stamp) {
        EventStamp kept = newest.merge(key, stamp, (old, now) -> now.isAfter(old) ? now : old);
        return kept == stamp;
    }

    private static BigDecimal last(Quote q) {
        return q.last() != null ? q.last() : q.bid();
    }

    static boolean reached(BracketLeg stop, BigDecimal last) {
        int c = last.compareTo(stop.price());
        return stop.side() == Side.SELL ? c <= 0 : c >= 0;
    }
}
