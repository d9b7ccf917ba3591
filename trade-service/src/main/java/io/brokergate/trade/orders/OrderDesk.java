package io.brokergate.trade.orders;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAck;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.spi.TradingApi;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.brackets.BracketSpec;
import io.brokergate.trade.journal.AuditEntry;
import io.brokergate.trade.journal.OrderJournal;
import io.brokergate.trade.risk.RiskGate;
import io.brokergate.trade.risk.RiskSubject;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The place path: instrument rules → idempotency claim → risk limits → broker → book. A client order id
 * reaches the broker at most once: concurrent requests with one key in this pod share one
 * submission, other pods lose the database claim and read its outcome, and an unknown outcome is
 * settled by looking the order up before anything is sent again.
 */
@ApplicationScoped
public class OrderDesk {

    /** An order the broker has not shown within this time after a timeout was not placed. */
    static final Duration SETTLE_AFTER = Duration.ofSeconds(10);
    private static final int CLAIM_ATTEMPTS = 3;
    private static final long BROKER_WAIT_MS = 30_000;

    private final TradingAccounts accounts;
    private final AccountBooks books;
    private final OrderRequests requests;
    private final InstrumentRules rules;
    private final OrderJournal journal;
    private final RiskGate risk;
    private final Map<String, CompletableFuture<PlaceResult>> inFlight = new ConcurrentHashMap<>();

    public OrderDesk(TradingAccounts accounts, AccountBooks books, OrderRequests requests, InstrumentRules rules,
                     OrderJournal journal, RiskGate risk) {
        this.accounts = accounts;
        this.books = books;
        this.requests = requests;
        this.rules = rules;
        this.journal = journal;
        this.risk = risk;
    }

    /** Limits apply to the tenant, the account and, for API keys, the key. */
    public static RiskSubject riskSubject(RequestOrigin origin, Account account) {
        return new RiskSubject(account.tenantId(), account.id(),
                origin.caller().kind() == CredentialKind.API_KEY ? origin.caller().subject() : null);
    }

    /** A client order id for requests that brought none (such a request is not idempotent). */
    public static String newClientOrderId() {
        return "bg-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public PlaceResult place(RequestOrigin origin, Account account, OrderRequest request) {
        return place(origin, account, request, BracketSpec.NONE);
    }

    /** A place whose idempotency covers the exits sent with it (their legs are kept by {@code Brackets}). */
    public PlaceResult place(RequestOrigin origin, Account account, OrderRequest request, BracketSpec exits) {
        String fingerprint = RequestFingerprint.of(request, exits);
        String key = account.id() + '\n' + request.clientOrderId();
        CompletableFuture<PlaceResult> mine = new CompletableFuture<>();
        CompletableFuture<PlaceResult> first = inFlight.putIfAbsent(key, mine);
        if (first != null) {
            return sameBody(await(first), fingerprint).asReplay();
        }
        try {
            PlaceResult result = placeOnce(origin, account, request, fingerprint);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * The claim is the first database statement, and for a new key (the usual case) the only one
     * before the broker call. A key seen before is settled from its record, never checked or
     * counted again; a claim the risk limits refuse is released, so the key stays free (also for
     * another body), as if it had never been sent.
     */
    private PlaceResult placeOnce(RequestOrigin origin, Account account, OrderRequest request, String fingerprint) {
        rules.check(account, request);
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (requests.claim(account.id(), request.clientOrderId(), account.tenantId(), fingerprint)) {
                admitOrRelease(origin, account, request);
                return submit(origin, account, request, fingerprint);
            }
            Optional<OrderRequests.Row> seen = requests.find(account.id(), request.clientOrderId());
            if (seen.isPresent()) {
                return settle(origin, account, request, seen.get(), fingerprint);
            }
            // Released by a refused request with this key between our claim and our look-up: claim again.
        }
        throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "client_order_id " + request.clientOrderId()
                + " is being claimed and released by concurrent requests; retry shortly", Duration.ofSeconds(1));
    }

    private void admitOrRelease(RequestOrigin origin, Account account, OrderRequest request) {
        try {
            risk.admit(riskSubject(origin, account), request, request.referencePrice(), Instant.now());
        } catch (RuntimeException refused) {
            try {
                requests.release(account.id(), request.clientOrderId());
            } catch (RuntimeException e) {
                refused.addSuppressed(e); // the key stays SUBMITTING and is settled by lookup, like after a crash
            }
            throw refused;
        }
    }

    /** A key seen before: the first result, or the settling of an unknown outcome. */
    private PlaceResult settle(RequestOrigin origin, Account account, OrderRequest request, OrderRequests.Row row,
                               String fingerprint) {
        if (!row.fingerprint().equals(fingerprint)) {
            throw conflict(request.clientOrderId());
        }
        return switch (row.state()) {
            case ACCEPTED -> new PlaceResult(row.clientOrderId(), fingerprint, knownOrder(account, request, row.orderId()),
                    false, true);
            case REJECTED -> throw new GatewayException(ErrorCode.valueOf(row.errorCode()), row.errorDetail());
            case UNKNOWN, SUBMITTING -> resolve(account, request, row).asReplay();
            case NOT_PLACED -> requests.reclaim(account.id(), request.clientOrderId())
                    ? submit(origin, account, request, fingerprint)
                    : settle(origin, account, request, requests.find(account.id(), request.clientOrderId()).orElseThrow(), fingerprint);
        };
    }

    private PlaceResult submit(RequestOrigin origin, Account account, OrderRequest request, String fingerprint) {
        TradingApi trading;
        try {
            trading = accounts.session(account).trading();
        } catch (GatewayException e) {
            requests.notPlaced(account.id(), request.clientOrderId());
            throw e;
        }
        try {
            OrderAck ack = await(trading.place(forBroker(account, request)));
            requests.acceptedLater(account.id(), request.clientOrderId(), ack.orderId());
            Order order = books.learned(account, pending(account, request, ack.orderId()));
            audit(origin, account, "place", ack.orderId(), request.clientOrderId(), "accepted", null);
            return new PlaceResult(request.clientOrderId(), fingerprint, order, false, false);
        } catch (GatewayException e) {
            return failed(origin, account, request, fingerprint, e);
        }
    }

    private PlaceResult failed(RequestOrigin origin, Account account, OrderRequest request, String fingerprint,
                               GatewayException e) {
        String cid = request.clientOrderId();
        switch (e.code()) {
            case TIMEOUT_UNKNOWN_OUTCOME -> {
                requests.unknown(account.id(), cid, e.getMessage());
                audit(origin, account, "place", null, cid, "unknown_outcome", e.getMessage());
                return new PlaceResult(cid, fingerprint, null, true, false);
            }
            case RATE_LIMITED, BROKER_UNAVAILABLE -> {
                // Never reached the broker: the same key may be sent again.
                requests.notPlaced(account.id(), cid);
                audit(origin, account, "place", null, cid, e.code().wireName(), e.getMessage());
                throw e;
            }
            default -> {
                requests.rejected(account.id(), cid, e.code(), e.getMessage());
                audit(origin, account, "place", null, cid, e.code().wireName(), e.getMessage());
                throw e;
            }
        }
    }

    /**
     * Looks an unknown outcome up at the broker by client order id. Found: accepted. Not found
     * while the broker may still be processing it: still unknown. Not found after
     * {@link #SETTLE_AFTER}: not placed, and the key is free again.
     */
    PlaceResult resolve(Account account, OrderRequest request, OrderRequests.Row row) {
        String cid = row.clientOrderId();
        Optional<Order> found = books.book(account).byClientOrderId(cid);
        if (found.isEmpty()) {
            found = await(accounts.session(account).trading().findByClientOrderId(account.brokerAccountNo(), cid));
        }
        if (found.isPresent()) {
            Order order = books.learned(account, found.get());
            requests.accepted(account.id(), cid, order.orderId());
            return new PlaceResult(cid, row.fingerprint(), order, false, false);
        }
        if (row.state() == OrderRequests.State.UNKNOWN && row.updatedAt().isBefore(Instant.now().minus(SETTLE_AFTER))) {
            requests.notPlaced(account.id(), cid);
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "order " + cid + " was never placed: the broker "
                    + "has no order with this client order id; send it again to place it", Duration.ZERO);
        }
        return new PlaceResult(cid, row.fingerprint(), null, true, false);
    }

    private Order knownOrder(Account account, OrderRequest request, String orderId) {
        return books.book(account).order(orderId).orElseGet(() -> journal.order(account.id(), orderId)
                .orElseGet(() -> pending(account, request, orderId)));
    }

    private static OrderRequest forBroker(Account account, OrderRequest r) {
        return new OrderRequest(account.brokerAccountNo(), r.clientOrderId(), r.instrument(), r.side(), r.type(),
                r.quantity(), r.limitPrice(), r.stopPrice(), r.trailingAmount(), r.trailingPercent(), r.timeInForce(),
                r.expireDate(), r.outsideRegularHours());
    }

    private static Order pending(Account account, OrderRequest r, String orderId) {
        Instant now = Instant.now();
        return new Order(orderId, r.clientOrderId(), account.id(), r.instrument(), r.side(), r.type(), r.timeInForce(),
                r.quantity(), r.limitPrice(), r.stopPrice(), r.expireDate(), BigDecimal.ZERO, null, OrderStatus.PENDING_NEW,
                null, now, now);
    }

    private static PlaceResult sameBody(PlaceResult first, String fingerprint) {
        if (!first.fingerprint().equals(fingerprint)) {
            throw conflict(first.clientOrderId());
        }
        return first;
    }

    private static GatewayException conflict(String clientOrderId) {
        return new GatewayException(ErrorCode.CONFLICT, "client_order_id " + clientOrderId
                + " was already used for a different order");
    }

    public void audit(RequestOrigin origin, Account account, String action, String orderId, String clientOrderId,
               String outcome, String detail) {
        journal.record(AuditEntry.of(origin.caller(), origin.sourceAddress(), account, action, orderId, clientOrderId,
                outcome, detail));
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(BROKER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GatewayException g) {
                throw g;
            }
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker call failed; retry shortly");
        } catch (TimeoutException e) {
            throw new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "the broker did not answer within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted");
        }
    }
}
