package io.brokergate.stream.fanout;

import io.brokergate.api.security.Scopes;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.events.MarketDataEvent;
import io.brokergate.core.spi.SubscriptionKind;
import java.util.Locale;
import java.util.Optional;

/** The streams a client can subscribe to, with their wire names and the scope each one needs. */
public enum StreamKind {
    QUOTES(Scopes.QUOTES_READ, SubscriptionKind.QUOTE),
    DEPTH(Scopes.QUOTES_READ, SubscriptionKind.DEPTH),
    TRADES(Scopes.QUOTES_READ, SubscriptionKind.TRADES),
    ORDERS(Scopes.ACCOUNTS_READ, null),
    EXECUTIONS(Scopes.ACCOUNTS_READ, null),
    POSITIONS(Scopes.ACCOUNTS_READ, null),
    ACCOUNT(Scopes.ACCOUNTS_READ, null);

    private static final StreamKind[] VALUES = values();

    private final String scope;
    private final SubscriptionKind upstreamKind;
    private final String wireName;

    StreamKind(String scope, SubscriptionKind upstreamKind) {
        this.scope = scope;
        this.upstreamKind = upstreamKind;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StreamKind> parse(String wire) {
        for (StreamKind k : VALUES) {
            if (k.wireName.equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static StreamKind of(MarketDataEvent.Kind kind) {
        return switch (kind) {
            case QUOTE -> QUOTES;
            case DEPTH -> DEPTH;
            case TRADES -> TRADES;
        };
    }

    /** Balances and connection state both belong to the {@code account} stream. */
    public static StreamKind of(AccountEvent.Kind kind) {
        return switch (kind) {
            case ORDER -> ORDERS;
            case EXECUTION -> EXECUTIONS;
            case POSITION -> POSITIONS;
            case BALANCES, CONNECTION -> ACCOUNT;
        };
    }

    public String wireName() {
        return wireName;
    }

    public String scope() {
        return scope;
    }

    public boolean isMarketData() {
        return upstreamKind != null;
    }

    /** The upstream subscription kind of a market-data stream; null for account streams. */
    public SubscriptionKind upstreamKind() {
        return upstreamKind;
    }
}
