package io.brokergate.trade.orders;

import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.brokers.BrokerCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the broker would reject anyway, answered before it is asked: markets, order types and
 * time-in-force the broker supports, known and tradable symbols, whole board lots, prices on the
 * tick ladder. Reference data is fetched once per broker and symbol (concurrent look-ups share one
 * broker call) and kept for a day.
 */
@ApplicationScoped
public class InstrumentRules {

    private static final Duration KEEP = Duration.ofHours(12);
    private static final long LOOKUP_TIMEOUT_MS = 10_000;

    private record Key(String broker, InstrumentId id) {
    }

    private record Cached(CompletableFuture<Instrument> instrument, Instant fetchedAt) {
    }

    private final TradingAccounts accounts;
    private final BrokerCatalog brokers;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    public InstrumentRules(TradingAccounts accounts, BrokerCatalog brokers) {
        this.accounts = accounts;
        this.brokers = brokers;
    }

    public Instrument check(Account account, OrderRequest order) {
        Capabilities caps = brokers.find(account.broker()).map(BrokerCatalog.Entry::capabilities)
                .orElseThrow(() -> new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no adapter for " + account.broker()));
        if (!caps.markets().contains(order.instrument().market())) {
            throw GatewayException.invalid(caps.displayName() + " does not trade the " + order.instrument().market() + " market");
        }
        if (!caps.orderTypes().contains(order.type())) {
            throw GatewayException.invalid(caps.displayName() + " does not accept " + wire(order.type().name()) + " orders");
        }
        if (!caps.timeInForces().contains(order.timeInForce())) {
            throw GatewayException.invalid(caps.displayName() + " does not accept time in force " + wire(order.timeInForce().name()));
        }
        Instrument instrument = instrument(account, order.instrument());
        if (!instrument.isTradable()) {
            throw GatewayException.invalid(order.instrument().symbol() + " is not tradable");
        }
        checkQuantity(instrument, order.quantity());
        checkPrice(instrument, "limit_price", order.limitPrice());
        checkPrice(instrument, "stop_price", order.stopPrice());
        return instrument;
    }

    public static void checkQuantity(Instrument instrument, BigDecimal quantity) {
        if (quantity != null && !instrument.isWholeLots(quantity)) {
            throw GatewayException.invalid("quantity " + quantity.toPlainString() + " is not a whole number of lots of "
                    + instrument.lotSize().stripTrailingZeros().toPlainString() + " for " + instrument.id().symbol());
        }
    }

    public static void checkPrice(Instrument instrument, String field, BigDecimal price) {
        if (price != null && !instrument.ticks().isOnTick(price)) {
            throw GatewayException.invalid(field + " " + price.toPlainString() + " is not on the tick size of "
                    + instrument.id().symbol() + " (" + instrument.ticks().tickAt(price).stripTrailingZeros().toPlainString()
                    + " at that price)");
        }
    }

    public Instrument instrument(Account account, InstrumentId id) {
        CompletableFuture<Instrument> lookup = lookup(account, id);
        Key key = new Key(account.broker().name(), id);
        try {
            return lookup.get(LOOKUP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            cache.computeIfPresent(key, (k, c) -> c.instrument() == lookup ? null : c);
            throw e.getCause() instanceof GatewayException g ? g
                    : new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "could not look up " + id.symbol());
        } catch (TimeoutException e) {
            cache.computeIfPresent(key, (k, c) -> c.instrument() == lookup ? null : c);
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not describe " + id.symbol() + " in time",
                    Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted");
        }
    }

    /** The instrument's reference data, cached or being fetched; look-ups of many instruments can run at once. */
    public CompletableFuture<Instrument> lookup(Account account, InstrumentId id) {
        Key key = new Key(account.broker().name(), id);
        Instant now = Instant.now();
        return cache.compute(key, (k, old) -> old != null && !old.instrument().isCompletedExceptionally()
                && old.fetchedAt().isAfter(now.minus(KEEP)) ? old : new Cached(fetch(account, id), now)).instrument();
    }

    private CompletableFuture<Instrument> fetch(Account account, InstrumentId id) {
        try {
            return accounts.session(account).marketData().instruments(List.of(id)).thenApply(list -> list.stream()
                    .filter(i -> i.id().equals(id)).findFirst()
                    .orElseThrow(() -> GatewayException.invalid("unknown symbol " + id.symbol()))).toCompletableFuture();
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT);
    }
}
