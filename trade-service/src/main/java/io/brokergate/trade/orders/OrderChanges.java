package io.brokergate.trade.orders;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.trade.risk.KillSwitchEngaged;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBook;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.brokers.BrokerCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Modify and cancel, checked against the order as the book knows it before the broker is asked. */
@ApplicationScoped
public class OrderChanges {

    /** The outcome of one cancel in a cancel-all. */
    public record CancelOutcome(String orderId, boolean requested, String error) {
    }

    private final TradingAccounts accounts;
    private final AccountBooks books;
    private final InstrumentRules rules;
    private final BrokerCatalog brokers;
    private static final Logger LOG = Logger.getLogger(OrderChanges.class);

    private final OrderDesk desk;
    private final AccountDirectory directory;

    public OrderChanges(TradingAccounts accounts, AccountBooks books, InstrumentRules rules, BrokerCatalog brokers,
                        OrderDesk desk, AccountDirectory directory) {
        this.directory = directory;
        this.accounts = accounts;
        this.books = books;
        this.rules = rules;
        this.brokers = brokers;
        this.desk = desk;
    }

    public Order modify(RequestOrigin origin, Account account, String orderId, BigDecimal quantity, BigDecimal limitPrice,
                        BigDecimal stopPrice) {
        Order order = openOrder(account, orderId);
        var caps = brokers.find(account.broker()).orElseThrow().capabilities();
        if (quantity != null && !caps.modifyQuantity() || (limitPrice != null || stopPrice != null) && !caps.modifyPrice()) {
            throw GatewayException.invalid(caps.displayName() + " cannot modify that part of an order");
        }
        if (limitPrice != null && order.limitPrice() == null) {
            throw GatewayException.invalid("a " + order.type().name().toLowerCase(Locale.ROOT) + " order has no limit_price");
        }
        if (stopPrice != null && order.stopPrice() == null) {
            throw GatewayException.invalid("a " + order.type().name().toLowerCase(Locale.ROOT) + " order has no stop_price");
        }
        Instrument instrument = rules.instrument(account, order.instrument());
        if (quantity != null) {
            if (quantity.compareTo(order.filledQuantity()) <= 0) {
                throw GatewayException.invalid("quantity must exceed the filled quantity " + order.filledQuantity().toPlainString());
            }
            InstrumentRules.checkQuantity(instrument, quantity);
        }
        InstrumentRules.checkPrice(instrument, "limit_price", limitPrice);
        InstrumentRules.checkPrice(instrument, "stop_price", stopPrice);
        try {
            OrderDesk.await(accounts.session(account).trading().amend(new OrderAmendment(account.brokerAccountNo(), orderId,
                    quantity, limitPrice, stopPrice)));
            desk.audit(origin, account, "modify", orderId, order.clientOrderId(), "requested", null);
        } catch (GatewayException e) {
            desk.audit(origin, account, "modify", orderId, order.clientOrderId(), e.code().wireName(), e.getMessage());
            throw e;
        }
        return books.book(account).order(orderId).orElse(order);
    }

    public Order cancel(RequestOrigin origin, Account account, String orderId) {
        Order order = openOrder(account, orderId);
        try {
            OrderDesk.await(accounts.session(account).trading().cancel(account.brokerAccountNo(), orderId));
            desk.audit(origin, account, "cancel", orderId, order.clientOrderId(), "requested", null);
        } catch (GatewayException e) {
            desk.audit(origin, account, "cancel", orderId, order.clientOrderId(), e.code().wireName(), e.getMessage());
            throw e;
        }
        return books.book(account).order(orderId).orElse(order);
    }

    /** Cancels every open order of the account (of one instrument when given); one failure does not stop the rest. */
    public List<CancelOutcome> cancelAll(RequestOrigin origin, Account account, InstrumentId instrument) {
        AccountBook book = books.reconciled(account);
        List<CancelOutcome> out = new ArrayList<>();
        for (Order o : book.openOrders()) {
            if (instrument != null && !instrument.equals(o.instrument())) {
                continue;
            }
            try {
                cancel(origin, account, o.orderId());
                out.add(new CancelOutcome(o.orderId(), true, null));
            } catch (GatewayException e) {
                out.add(new CancelOutcome(o.orderId(), false, e.getMessage()));
            }
        }
        return out;
    }

    /** The kill switch cancels everything in its scope; new orders are already blocked by the risk gate. */
    void killSwitch(@Observes KillSwitchEngaged engaged) {
        RequestOrigin origin = new RequestOrigin(new Caller(engaged.engagedBy() == null ? "kill-switch" : engaged.engagedBy(),
                engaged.tenantId(), java.util.Set.of(), AccountGrant.ALL, CredentialKind.USER, null, null), null);
        for (Account account : directory.forTenant(engaged.tenantId())) {
            if (engaged.accountId() == null || engaged.accountId().equals(account.id())) {
                try {
                    cancelAll(origin, account, null);
                } catch (GatewayException e) {
                    LOG.warnf("kill switch: could not cancel the open orders of %s: %s", account.id(), e.getMessage());
                }
            }
        }
    }

    private Order openOrder(Account account, String orderId) {
        Order order = books.reconciled(account).order(orderId)
                .orElseThrow(() -> GatewayException.notFound("order not found"));
        if (order.status().isFinal()) {
            throw new GatewayException(ErrorCode.CONFLICT, "order " + orderId + " is already " + order.status().wireName());
        }
        return order;
    }
}
