package io.brokergate.trade.book;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.events.AccountEvent;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.core.spi.TradingApi;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.journal.OrderJournal;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every account's {@link AccountBook}. Order events from the socket owners keep them current; the
 * first use of an account after start rebuilds its book from the journal and reconciles it with
 * the broker once (today's orders and executions, positions, balances). After that, polling is
 * answered from memory and never reaches the broker.
 */
@ApplicationScoped
public class AccountBooks {

    private static final Logger LOG = Logger.getLogger(AccountBooks.class);
    private static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(20);
    private static final long PRUNE_EVERY_MS = 60_000;

    private final AccountDirectory directory;
    private final TradingAccounts accounts;
    private final OrderJournal journal;
    private final Vertx vertx;
    private final Event<OrderAdvanced> advanced;
    private final Map<String, AccountBook> books = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<AccountBook>> reconciled = new ConcurrentHashMap<>();
    private long pruneTimer = -1;

    public AccountBooks(AccountDirectory directory, TradingAccounts accounts, OrderJournal journal, Vertx vertx,
                        Event<OrderAdvanced> advanced) {
        this.directory = directory;
        this.advanced = advanced;
        this.accounts = accounts;
        this.journal = journal;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MS, id -> prune(Instant.now()));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(pruneTimer);
    }

    /** Order events of every account, in per-account order. Stale-owner and repeated events are dropped. */
    @Incoming("trade-order-events")
    public void onEvent(AccountEvent event) {
        if (event == null) {
            return; // a record the channel could not read (cluster mode: counted and logged by its deserializer)
        }
        Account account = directory.find(event.stamp().accountId()).orElse(null);
        if (account == null) {
            return; // an account this deployment does not serve
        }
        AccountBook book = book(account);
        if (!book.accept(event.stamp())) {
            return;
        }
        switch (event.kind()) {
            case ORDER -> journal(book, event.order());
            case EXECUTION -> record(book, event.execution());
            case POSITION -> book.apply(event.position());
            case BALANCES -> book.apply(event.balances());
            case CONNECTION -> LOG.debugf("account %s upstream %s", account.id(), event.connection().state());
        }
    }

    /** The book, without waiting for reconciliation (the order path's own acknowledgements). */
    public AccountBook book(Account account) {
        return books.computeIfAbsent(account.id(), id -> new AccountBook(account));
    }

    /**
     * The book once it has been reconciled with the broker: the first caller after start waits for
     * it (concurrent callers share the one reconciliation); failures are retried by the next caller.
     */
    public AccountBook reconciled(Account account) {
        CompletableFuture<AccountBook> f = reconciled.computeIfAbsent(account.id(), id -> reconcile(account));
        try {
            return f.get(RECONCILE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            reconciled.remove(account.id(), f);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof GatewayException g ? g
                    : new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "could not load the account from the broker; retry shortly");
        } catch (TimeoutException e) {
            reconciled.remove(account.id(), f);
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not answer in time; retry shortly",
                    Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted");
        }
    }

    private CompletableFuture<AccountBook> reconcile(Account account) {
        AccountBook book = book(account);
        TradingApi trading;
        try {
            trading = accounts.session(account).trading();
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        journal.openOrChangedSince(account.id(), startOfTradingDay(account)).forEach(book::apply);
        String no = account.brokerAccountNo();
        return trading.todayOrders(no, OrderQuery.ALL).thenCompose(orders -> {
            orders.forEach(o -> journal(book, o));
            return trading.todayExecutions(no, OrderQuery.ALL);
        }).thenCompose(fills -> {
            fills.forEach(e -> record(book, e));
            return trading.positions(no);
        }).thenCompose(positions -> {
            book.replacePositions(positions);
            return trading.balances(no);
        }).thenApply(balances -> {
            book.apply(balances);
            LOG.infof("account %s reconciled with %s: %d order(s) today, %d position(s)", account.id(), account.broker(),
                    book.orders().size(), book.positions().size());
            return book;
        }).toCompletableFuture();
    }

    private void record(AccountBook book, Execution e) {
        if (book.apply(e)) {
            journal.record(book.account().tenantId(), e.withAccountId(book.account().id()));
        }
    }

    /** Records an order the order path learned first-hand (acknowledgement, amendment, lookup); returns the order held. */
    public Order learned(Account account, Order order) {
        AccountBook book = book(account);
        journal(book, order);
        return book.order(order.orderId()).orElseThrow();
    }

    private void journal(AccountBook book, Order order) {
        book.advance(order).ifPresent(changed -> {
            journal.record(book.account().tenantId(), changed);
            advanced.fire(new OrderAdvanced(book.account(), changed));
        });
    }

    private void prune(Instant now) {
        for (AccountBook b : List.copyOf(books.values())) {
            b.prune(now, startOfTradingDay(b.account()));
        }
    }

    /** The trading day follows the account's home market (the exchange of its currency), UTC when unknown. */
    public static Instant startOfTradingDay(Account account) {
        ZoneId zone = ZoneOffset.UTC;
        for (Market m : Market.values()) {
            if (m.currency().equals(account.currency())) {
                zone = m.zone();
                break;
            }
        }
        return LocalDate.now(zone).atStartOfDay(zone).toInstant();
    }
}
