package io.brokergate.stream.subscriptions;

import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.MarketDataApi;
import io.brokergate.core.spi.PushListener;
import io.brokergate.core.spi.PushSession;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.core.spi.TradingApi;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A push session with the broker's rules that matter here: a symbol cap (the whole request fails
 * and nothing changes when it would be exceeded) and unknown symbols (ticker {@code BAD*}) refused.
 * Answers at once; records every request.
 */
final class FakePushSession implements PushSession {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<InstrumentId, Set<SubscriptionKind>> subscribed = new HashMap<>();
    private final int cap;

    FakePushSession(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized CompletionStage<Void> subscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        requests.add("subscribe " + instruments.size());
        for (InstrumentId i : instruments) {
            if (i.ticker().startsWith("BAD")) {
                return CompletableFuture.failedFuture(GatewayException.invalid("unknown symbol " + i.symbol()));
            }
        }
        long after = subscribed.size() + instruments.stream().filter(i -> !subscribed.containsKey(i)).count();
        if (after > cap) {
            return CompletableFuture.failedFuture(GatewayException.invalid("the broker allows at most " + cap + " subscribed symbols"));
        }
        instruments.forEach(i -> subscribed.computeIfAbsent(i, k -> EnumSet.noneOf(SubscriptionKind.class)).addAll(kinds));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> unsubscribe(Set<InstrumentId> instruments, Set<SubscriptionKind> kinds) {
        requests.add("unsubscribe " + instruments.size());
        for (InstrumentId i : instruments) {
            Set<SubscriptionKind> held = subscribed.get(i);
            if (held != null) {
                held.removeAll(kinds);
                if (held.isEmpty()) {
                    subscribed.remove(i);
                }
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized Map<InstrumentId, Set<SubscriptionKind>> subscriptions() {
        Map<InstrumentId, Set<SubscriptionKind>> copy = new HashMap<>();
        subscribed.forEach((i, k) -> copy.put(i, EnumSet.copyOf(k)));
        return copy;
    }

    @Override
    public CompletionStage<Void> connect() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public int subscriptionCap() {
        return cap;
    }

    @Override
    public ConnectionState state() {
        return ConnectionState.CONNECTED;
    }

    @Override
    public void addListener(PushListener listener) {
    }

    @Override
    public void removeListener(PushListener listener) {
    }

    @Override
    public CompletionStage<Void> close() {
        return CompletableFuture.completedFuture(null);
    }

    /** A broker session around this push session (the other APIs are not used here). */
    BrokerSession asSession() {
        PushSession push = this;
        return new BrokerSession() {
            @Override
            public TradingApi trading() {
                throw new UnsupportedOperationException();
            }

            @Override
            public MarketDataApi marketData() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PushSession push() {
                return push;
            }

            @Override
            public CompletionStage<Void> closeAsync() {
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
