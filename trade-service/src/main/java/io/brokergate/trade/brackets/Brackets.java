package io.brokergate.trade.brackets;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.book.OrderAdvanced;
import io.brokergate.trade.brokers.BrokerCatalog;
import io.brokergate.trade.orders.InstrumentRules;
import io.brokergate.trade.orders.OrderChanges;
import io.brokergate.trade.orders.OrderDesk;
import io.brokergate.trade.orders.OrderRequests;
import io.brokergate.trade.orders.PlaceResult;
import io.brokergate.trade.orders.RequestOrigin;
import io.brokergate.trade.risk.KillSwitchEngaged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gateway-managed brackets for brokers without native ones: the exits of an entry order wait here
 * as inactive legs, are placed through the normal order path (rules, risk, idempotency, audit) when
 * the entry fills, and cancel each other: one exit filling cancels the other (OCO). The entry ending
 * without a fill cancels both.
 *
 * <p>Every transition is a compare-and-set in {@link BracketStore} and every placement uses the leg
 * id as client order id, so pods that all see the same fill place each exit at most once.
 */
@ApplicationScoped
public class Brackets {

    private static final Logger LOG = Logger.getLogger(Brackets.class);
    /** A leg still being placed after this long was left by a stopped pod (or an unknown outcome): placed again. */
    static final Duration RESUME_AFTER = Duration.ofSeconds(5);
    /** How long a fired stop waits for the broker to confirm its take-profit's cancellation. */
    static final Duration WITHDRAW_WAIT = Duration.ofSeconds(10);

    private final BracketStore store;
    private final OrderDesk desk;
    private final OrderChanges changes;
    private final OrderRequests requests;
    private final InstrumentRules rules;
    private final AccountBooks books;
    private final BrokerCatalog brokers;
    private final AccountDirectory directory;
    private final Vertx vertx;
    private final Instance<ArmedStops> stops;
    private long resumeTimer = -1;

    public Brackets(BracketStore store, OrderDesk desk, OrderChanges changes, OrderRequests requests, InstrumentRules rules,
                    AccountBooks books, BrokerCatalog brokers, AccountDirectory directory, Vertx vertx,
                    Instance<ArmedStops> stops) {
        this.stops = stops;
        this.store = store;
        this.desk = desk;
        this.changes = changes;
        this.requests = requests;
        this.rules = rules;
        this.books = books;
        this.brokers = brokers;
        this.directory = directory;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        resumeTimer = vertx.setPeriodic(RESUME_AFTER.toMillis(), id -> vertx.executeBlocking(() -> {
            resumeStalled();
            stops.get().reload();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(resumeTimer);
    }

    public boolean supported(Account account) {
        return capabilities(account).brackets();
    }

    /**
     * Places an entry order with its exits. The legs are stored before the entry is sent, so a fill
     * that arrives at once finds them; the same client order id with the same exits is a replay,
     * with other exits a conflict.
     */
    public PlaceResult place(RequestOrigin origin, Account account, OrderRequest entry, BracketSpec spec) {
        Capabilities caps = capabilities(account);
        if (!caps.brackets()) {
            throw GatewayException.invalid(caps.displayName() + " does not support bracket orders");
        }
        spec.validateAgainst(entry);
        Instrument instrument = rules.check(account, entry);
        InstrumentRules.checkPrice(instrument, "take_profit", spec.takeProfit());
        InstrumentRules.checkPrice(instrument, "stop_loss", spec.stopLoss());
        InstrumentRules.checkPrice(instrument, "trailing_amount", spec.trailingAmount());
        attach(origin, account, entry, spec, caps);
        PlaceResult result;
        try {
            result = desk.place(origin, account, entry, spec);
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.RATE_LIMITED && e.code() != ErrorCode.BROKER_UNAVAILABLE && e.code() != ErrorCode.CONFLICT) {
                endInactive(account, entry.clientOrderId(), LegState.REJECTED, "the entry order was rejected: " + e.getMessage());
            }
            throw e;
        }
        if (result.order() != null) {
            parentAdvanced(account, result.order());
        }
        return result;
    }

    private void attach(RequestOrigin origin, Account account, OrderRequest entry, BracketSpec spec, Capabilities caps) {
        List<BracketLeg> existing = store.ofParent(account.id(), entry.clientOrderId());
        if (existing.isEmpty()) {
            if (requests.find(account.id(), entry.clientOrderId()).isPresent()) {
                throw conflict(entry.clientOrderId());
            }
            if (store.insert(legs(origin, account, entry, spec, caps))) {
                return;
            }
            existing = store.ofParent(account.id(), entry.clientOrderId());
        }
        if (!sameExits(existing, spec)) {
            throw conflict(entry.clientOrderId());
        }
    }

    private static GatewayException conflict(String clientOrderId) {
        return new GatewayException(ErrorCode.CONFLICT, "client_order_id " + clientOrderId
                + " was already used for a different order (or other exits)");
    }

    private static boolean sameExits(List<BracketLeg> legs, BracketSpec spec) {
        BracketSpec stored = new BracketSpec(null, null, null);
        for (BracketLeg l : legs) {
            stored = l.role() == LegRole.TAKE_PROFIT ? new BracketSpec(l.price(), stored.stopLoss(), stored.trailingAmount())
                    : new BracketSpec(stored.takeProfit(), l.price(), l.trailingAmount());
        }
        return same(stored.takeProfit(), spec.takeProfit()) && same(stored.stopLoss(), spec.stopLoss())
                && same(stored.trailingAmount(), spec.trailingAmount());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static List<BracketLeg> legs(RequestOrigin origin, Account account, OrderRequest entry, BracketSpec spec,
                                         Capabilities caps) {
        Side exit = entry.side() == Side.BUY ? Side.SELL : Side.BUY;
        Instant now = Instant.now();
        List<BracketLeg> legs = new ArrayList<>(2);
        if (spec.takeProfit() != null) {
            legs.add(leg(origin, account, entry, LegRole.TAKE_PROFIT, exit, OrderType.LIMIT, spec.takeProfit(), null, now));
        }
        if (spec.stopLoss() != null) {
            legs.add(leg(origin, account, entry, LegRole.STOP_LOSS, exit, OrderType.STOP, spec.stopLoss(), null, now));
        } else if (spec.trailingAmount() != null) {
            if (!caps.supports(OrderType.TRAILING_STOP)) {
                throw GatewayException.invalid(caps.displayName() + " does not support trailing stops");
            }
            if (spec.takeProfit() != null) {
                // The broker holds the shares for one resting exit, and a trailing stop cannot be watched from here.
                throw GatewayException.invalid("a trailing stop cannot be combined with take_profit on "
                        + caps.displayName() + "; use stop_loss");
            }
            legs.add(leg(origin, account, entry, LegRole.STOP_LOSS, exit, OrderType.TRAILING_STOP, null,
                    spec.trailingAmount(), now));
        }
        return legs;
    }

    private static BracketLeg leg(RequestOrigin origin, Account account, OrderRequest entry, LegRole role, Side side,
                                  OrderType type, BigDecimal price, BigDecimal trailing, Instant now) {
        String id = BracketLeg.ID_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return new BracketLeg(id, account.id(), account.tenantId(), entry.clientOrderId(), null, role, entry.instrument(),
                side, type, entry.quantity(), price, trailing, LegState.INACTIVE, null, null, origin.caller().subject(),
                origin.caller().kind(), now, now);
    }

    /** Book changes that can move a bracket: fills and final states of entries, and anything of a leg's order. */
    void onAdvanced(@Observes OrderAdvanced advanced) {
        Order o = advanced.order();
        boolean mayMatter = BracketLeg.isLegId(o.clientOrderId())
                || o.status().isFinal() || o.filledQuantity() != null && o.filledQuantity().signum() > 0;
        if (mayMatter && o.clientOrderId() != null) {
            vertx.executeBlocking(() -> {
                react(advanced.account(), o);
                return null;
            }, false).onFailure(e -> LOG.warnf("bracket reaction to order %s of %s failed: %s", o.orderId(),
                    advanced.account().id(), e.getMessage()));
        }
    }

    void react(Account account, Order order) {
        if (BracketLeg.isLegId(order.clientOrderId())) {
            legAdvanced(account, order);
        } else {
            parentAdvanced(account, order);
        }
    }

    private void parentAdvanced(Account account, Order parent) {
        List<BracketLeg> legs = store.ofParent(account.id(), parent.clientOrderId());
        if (legs.isEmpty()) {
            return;
        }
        store.parentPlaced(account.id(), parent.clientOrderId(), parent.orderId());
        BigDecimal filled = parent.filledQuantity() == null ? BigDecimal.ZERO : parent.filledQuantity();
        if (parent.status() == OrderStatus.FILLED || parent.status().isFinal() && filled.signum() > 0) {
            boolean pair = legs.size() == 2;
            for (BracketLeg l : legs) {
                if (pair && l.role() == LegRole.STOP_LOSS) {
                    arm(account, l, filled);
                } else {
                    activate(account, l, filled);
                }
            }
        } else if (parent.status().isFinal()) {
            endInactive(account, parent.clientOrderId(), LegState.CANCELLED,
                    "the entry order was " + parent.status().wireName() + " without a fill");
        }
    }

    /** Places an inactive leg (or resumes one being placed); the CAS makes one pod the placer. */
    private void activate(Account account, BracketLeg leg, BigDecimal quantity) {
        if (leg.state() == LegState.INACTIVE) {
            store.resize(account.id(), leg.legId(), quantity);
            if (!store.transition(account.id(), leg.legId(), LegState.INACTIVE, LegState.SUBMITTING, null, null)) {
                return;
            }
        } else if (leg.state() != LegState.SUBMITTING) {
            return;
        }
        OrderRequest request = new OrderRequest(account.id(), leg.legId(), leg.instrument(), leg.side(), leg.type(), quantity,
                leg.limitPrice(), leg.stopPrice(), leg.trailingAmount(), null, timeInForce(account), null, false);
        try {
            PlaceResult result = desk.place(origin(leg), account, request);
            if (result.order() != null) {
                store.transition(account.id(), leg.legId(), LegState.SUBMITTING, LegState.ACTIVE, result.order().orderId(), null);
                legAdvanced(account, result.order());
            }
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.RATE_LIMITED || e.code() == ErrorCode.BROKER_UNAVAILABLE) {
                LOG.infof("bracket leg %s of %s not placed yet (%s); retrying", leg.legId(), account.id(), e.getMessage());
                return; // stays SUBMITTING: resumeStalled places it again
            }
            store.transition(account.id(), leg.legId(), LegState.SUBMITTING, LegState.REJECTED, null, e.getMessage());
        }
    }

    /** The stop of a pair waits at the gateway while the take-profit rests at the broker. */
    private void arm(Account account, BracketLeg leg, BigDecimal quantity) {
        if (leg.state() != LegState.INACTIVE) {
            return;
        }
        store.resize(account.id(), leg.legId(), quantity);
        if (store.transition(account.id(), leg.legId(), LegState.INACTIVE, LegState.ARMED, null, null)) {
            stops.get().reload();
        }
    }

    /**
     * The market reached an armed stop: take the resting take-profit off the broker (it holds the
     * shares), then sell (or buy back) at market. If the take-profit filled meanwhile, the stop is
     * cancelled instead: one exit only.
     */
    void fire(BracketLeg stop, BigDecimal last) {
        Account account = directory.find(stop.accountId()).orElse(null);
        if (account == null || !store.fire(account.id(), stop.legId(), "stop reached at " + last.toPlainString())) {
            return;
        }
        stops.get().reload();
        for (BracketLeg sibling : store.ofParent(account.id(), stop.parentClientOrderId())) {
            if (sibling.legId().equals(stop.legId()) || sibling.state() != LegState.ACTIVE) {
                continue;
            }
            if (!withdrawn(account, sibling)) {
                store.transition(account.id(), stop.legId(), LegState.SUBMITTING, LegState.CANCELLED, null,
                        "the take profit filled first");
                return;
            }
        }
        activate(account, store.find(account.id(), stop.legId()).orElseThrow(), stop.quantity());
    }

    /** Cancels a resting exit and waits for the broker's word; false when it filled instead. */
    private boolean withdrawn(Account account, BracketLeg resting) {
        try {
            changes.cancel(origin(resting), account, resting.orderId());
        } catch (GatewayException e) {
            LOG.infof("take profit %s of %s not cancelled (%s)", resting.legId(), account.id(), e.getMessage());
        }
        long deadline = System.nanoTime() + WITHDRAW_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Order o = books.book(account).order(resting.orderId()).orElse(null);
            if (o != null && o.status().isFinal()) {
                return o.filledQuantity() == null || o.filledQuantity().signum() == 0;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private TimeInForce timeInForce(Account account) {
        return capabilities(account).supports(TimeInForce.GOOD_TILL_CANCELLED) ? TimeInForce.GOOD_TILL_CANCELLED : TimeInForce.DAY;
    }

    /** A leg's broker order moved: mirror it, and when it filled cancel its sibling (one-cancels-other). */
    private void legAdvanced(Account account, Order order) {
        BracketLeg leg = store.find(account.id(), order.clientOrderId()).orElse(null);
        if (leg == null) {
            return;
        }
        LegState next = LegState.of(order.status());
        if (next != leg.state() && !leg.state().isFinal()) {
            LegState from = leg.state() == LegState.INACTIVE ? LegState.SUBMITTING : leg.state();
            store.transition(account.id(), leg.legId(), from, next, order.orderId(), order.message());
        }
        boolean exitDone = order.status() == OrderStatus.FILLED;
        for (BracketLeg sibling : store.ofParent(account.id(), leg.parentClientOrderId())) {
            if (sibling.legId().equals(leg.legId())) {
                continue;
            }
            if (exitDone || sibling.state() == LegState.FILLED) {
                cancelSibling(account, exitDone ? sibling : leg, exitDone ? leg : sibling);
            }
        }
    }

    private void cancelSibling(Account account, BracketLeg open, BracketLeg filled) {
        String why = "the other exit (" + filled.role().name().toLowerCase(Locale.ROOT) + ") filled";
        switch (open.state()) {
            case INACTIVE, ARMED -> {
                if (store.transition(account.id(), open.legId(), open.state(), LegState.CANCELLED, null, why)
                        && open.state() == LegState.ARMED) {
                    stops.get().reload();
                }
            }
            case ACTIVE -> {
                try {
                    changes.cancel(origin(open), account, open.orderId());
                } catch (GatewayException e) {
                    LOG.warnf("could not cancel bracket leg %s (order %s) of %s: %s", open.legId(), open.orderId(),
                            account.id(), e.getMessage());
                }
            }
            default -> {
                // SUBMITTING: cancelled once its order shows up (legAdvanced runs again); final: nothing to do
            }
        }
    }

    private void endInactive(Account account, String parentClientOrderId, LegState end, String why) {
        for (BracketLeg l : store.ofParent(account.id(), parentClientOrderId)) {
            store.transition(account.id(), l.legId(), LegState.INACTIVE, end, null, why);
        }
    }

    /** Cancels one leg: locally while inactive, at the broker once working. */
    public BracketLeg cancel(RequestOrigin origin, Account account, String legId) {
        BracketLeg leg = require(account, legId);
        switch (leg.state()) {
            case INACTIVE, ARMED -> {
                if (!store.transition(account.id(), legId, leg.state(), LegState.CANCELLED, null, "cancelled by "
                        + origin.caller().subject())) {
                    return cancel(origin, account, legId);
                }
                stops.get().reload();
                desk.audit(origin, account, "cancel", legId, legId, "cancelled", null);
            }
            case ACTIVE -> changes.cancel(origin, account, leg.orderId());
            case SUBMITTING -> throw new GatewayException(ErrorCode.CONFLICT, "bracket leg " + legId
                    + " is being placed; cancel it again in a moment", Duration.ofSeconds(1));
            default -> throw GatewayException.invalid("bracket leg " + legId + " is already " + leg.state().name()
                    .toLowerCase(Locale.ROOT));
        }
        return require(account, legId);
    }

    /** Moves a leg's exit price: stored while inactive, amended at the broker once working. */
    public BracketLeg reprice(RequestOrigin origin, Account account, String legId, BigDecimal price) {
        BracketLeg leg = require(account, legId);
        if (price == null || price.signum() <= 0) {
            throw GatewayException.invalid("the new exit price must be greater than zero");
        }
        InstrumentRules.checkPrice(rules.instrument(account, leg.instrument()), "price", price);
        boolean trailing = leg.type() == OrderType.TRAILING_STOP;
        switch (leg.state()) {
            case INACTIVE, ARMED -> {
                if (!store.reprice(account.id(), legId, trailing ? null : price, trailing ? price : null)) {
                    return reprice(origin, account, legId, price);
                }
                stops.get().reload();
                desk.audit(origin, account, "modify", legId, legId, "requested", null);
            }
            case ACTIVE -> {
                if (trailing) {
                    throw GatewayException.invalid("a working trailing stop cannot be moved; cancel it and place a new one");
                }
                changes.modify(origin, account, leg.orderId(), null, leg.type() == OrderType.LIMIT ? price : null,
                        leg.type() == OrderType.STOP ? price : null);
            }
            default -> throw new GatewayException(ErrorCode.CONFLICT, "bracket leg " + legId + " is "
                    + leg.state().name().toLowerCase(Locale.ROOT) + " and cannot be changed");
        }
        return require(account, legId);
    }

    public BracketLeg require(Account account, String legId) {
        return find(account, legId).orElseThrow(() -> GatewayException.notFound("bracket leg not found"));
    }

    public Optional<BracketLeg> find(Account account, String legId) {
        return store.find(account.id(), legId);
    }

    public List<BracketLeg> ofParent(Account account, String parentClientOrderId) {
        return store.ofParent(account.id(), parentClientOrderId);
    }

    /**
     * Legs to list with the account's orders: open ones, and those that ended this trading day, or
     * within the last minute (the rule {@code AccountBook} applies to orders).
     */
    public List<BracketLeg> listedLegs(Account account) {
        Instant minute = Instant.now().minus(Duration.ofMinutes(1));
        Instant day = AccountBooks.startOfTradingDay(account);
        return store.listed(account.id(), day.isBefore(minute) ? day : minute);
    }

    /** The kill switch blocks new orders and cancels working ones; waiting exits go with them. */
    void killSwitch(@Observes KillSwitchEngaged engaged) {
        for (Account account : directory.forTenant(engaged.tenantId())) {
            if (engaged.accountId() == null || engaged.accountId().equals(account.id())) {
                for (BracketLeg l : store.open(account.id())) {
                    if (l.state() == LegState.INACTIVE || l.state() == LegState.ARMED) {
                        store.transition(account.id(), l.legId(), l.state(), LegState.CANCELLED, null, "kill switch engaged");
                    }
                }
                stops.get().reload();
            }
        }
    }

    void resumeStalled() {
        Instant before = Instant.now().minus(RESUME_AFTER);
        for (BracketLeg leg : store.submitting()) {
            if (leg.updatedAt().isBefore(before)) {
                directory.find(leg.accountId()).ifPresent(account -> activate(account, leg, leg.quantity()));
            }
        }
    }

    private static RequestOrigin origin(BracketLeg leg) {
        return new RequestOrigin(new Caller(leg.placedBy(), leg.tenantId(), Set.of(), AccountGrant.ALL, leg.credentialKind(),
                null, null), null);
    }

    private Capabilities capabilities(Account account) {
        return brokers.find(account.broker()).orElseThrow(() -> GatewayException.notFound("unknown broker "
                + account.broker())).capabilities();
    }
}
