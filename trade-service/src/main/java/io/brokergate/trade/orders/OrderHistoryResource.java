package io.brokergate.trade.orders;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderQuery;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.journal.OrderJournal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The broker's own order history: orders of earlier days, including those placed outside the
 * gateway (the broker's app, another tool), which the journal never saw. A broker call per
 * request, through the account's rate limits; what it returns is journaled too.
 */
@Path("/v1/accounts/{accountId}/orders/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderHistoryResource {

    /** LongPort answers at most 90 days per request. */
    static final Duration MAX_RANGE = Duration.ofDays(90);
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final OrderJournal journal;

    public OrderHistoryResource(SecurityIdentity identity, TradingAccounts accounts, OrderJournal journal) {
        this.identity = identity;
        this.accounts = accounts;
        this.journal = journal;
    }

    @GET
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "Order history from the broker", description = "Orders of [from, to) as the broker keeps them "
            + "(default: the last 7 days; at most 90 days), newest first; filters symbol and status (comma-separated). "
            + "Costs a broker call: for today's orders use GET …/orders.")
    public List<OrderView> history(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("symbol") String symbol,
                                   @QueryParam("status") String status) {
        Account account = accounts.require(Callers.require(identity), accountId);
        Instant end = orNow(OrderResource.instant("to", to));
        Instant start = OrderResource.instant("from", from);
        start = start == null ? end.minus(DEFAULT_RANGE) : start;
        if (!start.isBefore(end)) {
            throw GatewayException.invalid("from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw GatewayException.invalid("the range may span at most " + MAX_RANGE.toDays() + " days");
        }
        OrderQuery query = new OrderQuery(OrderResource.instrument(symbol), OrderResource.statuses(status), null, null,
                start, end);
        List<Order> orders = OrderDesk.await(accounts.session(account).trading().historyOrders(account.brokerAccountNo(), query));
        List<Order> named = new ArrayList<>(orders.size());
        for (Order o : orders) {
            Order mine = o.withAccountId(account.id());
            if (query.matches(mine)) {
                journal.record(account.tenantId(), mine);
                named.add(mine);
            }
        }
        named.sort(Comparator.comparing(Order::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return named.stream().map(OrderView::of).toList();
    }

    /** Open-ended means up to now; a second ahead because brokers compare whole seconds. */
    private static Instant orNow(Instant t) {
        return t == null ? Instant.now().plusSeconds(1) : t;
    }
}
