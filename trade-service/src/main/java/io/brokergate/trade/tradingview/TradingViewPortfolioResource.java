package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.tradingview.TradingViewEntities;
import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.trade.book.AccountBook;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.journal.OrderFilter;
import io.brokergate.trade.journal.OrderJournal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What TradingView polls every second or so: orders, positions, state, executions, balances of one
 * account, answered from the account's book (order events keep it current), so polling costs the
 * broker nothing; order history from the journal. {@code locale} is accepted and ignored.
 */
@Path("/tv/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TradingView")
public class TradingViewPortfolioResource {

    static final int DEFAULT_MAX_COUNT = 100;
    static final int MAX_COUNT = 1_000;

    private final TradingViewCallers callers;
    private final AccountBooks books;
    private final OrderJournal journal;
    private final TradingViewInstruments instruments;
    private final TradingViewOrderList orderList;

    public TradingViewPortfolioResource(TradingViewCallers callers, AccountBooks books, OrderJournal journal,
                                        TradingViewInstruments instruments, TradingViewOrderList orderList) {
        this.orderList = orderList;
        this.callers = callers;
        this.books = books;
        this.journal = journal;
        this.instruments = instruments;
    }

    @GET
    @Path("/instruments")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView instruments the account can trade")
    public Map<String, Object> instruments(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        Account account = callers.account(accountId);
        return TradingViewReplies.ok(instruments.of(account, callers.capabilities(account)));
    }

    @GET
    @Path("/state")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView account state")
    public Map<String, Object> state(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        return TradingViewReplies.ok(TradingViewEntities.state(book(accountId).balances()));
    }

    @GET
    @Path("/orders")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView orders", description = "Today's orders, open ones and those that reached a final "
            + "status this trading day (kept at least a minute after the change).")
    public Map<String, Object> orders(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        AccountBook book = book(accountId);
        return TradingViewReplies.ok(orderList.of(book.account(), book.orders()));
    }

    @GET
    @Path("/ordersHistory")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView order history", description = "Orders in a final status, newest first, from the journal.")
    public Map<String, Object> ordersHistory(@PathParam("accountId") String accountId, @QueryParam("locale") String locale,
                                             @QueryParam("maxCount") String maxCount) {
        Account account = callers.account(accountId);
        OrderFilter finals = new OrderFilter(EnumSet.of(OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED,
                OrderStatus.EXPIRED), null, null, null);
        return TradingViewReplies.ok(journal.orders(account.id(), finals, null, count(maxCount)).stream()
                .map(TradingViewEntities::order).toList());
    }

    @GET
    @Path("/positions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView positions")
    public Map<String, Object> positions(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        AccountBook book = viewOf(accountId, PositionView.INSTRUMENT);
        return TradingViewReplies.ok(book.positions().stream().map(TradingViewEntities::position).toList());
    }

    @GET
    @Path("/netPositions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView net positions (brokers that report position netting)")
    public Map<String, Object> netPositions(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        AccountBook book = viewOf(accountId, PositionView.NET);
        return TradingViewReplies.ok(book.positions().stream().map(TradingViewEntities::netPosition).toList());
    }

    @GET
    @Path("/individualPositions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView individual positions (brokers that report them)")
    public Map<String, Object> individualPositions(@PathParam("accountId") String accountId,
                                                   @QueryParam("locale") String locale) {
        AccountBook book = viewOf(accountId, PositionView.INDIVIDUAL);
        return TradingViewReplies.ok(book.positions().stream()
                .map(p -> TradingViewEntities.individualPosition(p, book.openedAt(p.instrument()))).toList());
    }

    @GET
    @Path("/executions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView executions of one instrument", description = "Today's, newest first.")
    public Map<String, Object> executions(@PathParam("accountId") String accountId, @QueryParam("locale") String locale,
                                          @QueryParam("instrument") String instrument, @QueryParam("maxCount") String maxCount) {
        Account account = callers.account(accountId);
        if (instrument == null || instrument.isBlank()) {
            throw GatewayException.invalid("instrument is required");
        }
        InstrumentId id = OrderTicket.instrument(instrument.trim());
        boolean shortSelling = callers.capabilities(account).shortSelling();
        return TradingViewReplies.ok(books.reconciled(account).executions().stream().filter(e -> e.instrument().equals(id))
                .limit(count(maxCount))
                // Without short selling a stock account only closes by selling.
                .map(e -> TradingViewEntities.execution(e, e.side() == Side.SELL && !shortSelling)).toList());
    }

    @GET
    @Path("/balances")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView balances, one per currency")
    public Map<String, Object> balances(@PathParam("accountId") String accountId, @QueryParam("locale") String locale) {
        return TradingViewReplies.ok(book(accountId).balances().stream().map(TradingViewEntities::balance).toList());
    }

    private AccountBook book(String accountId) {
        return books.reconciled(callers.account(accountId));
    }

    private AccountBook viewOf(String accountId, PositionView view) {
        Account account = callers.account(accountId);
        requireView(callers.capabilities(account), view);
        return books.reconciled(account);
    }

    /** Positions follow the broker's position view: per instrument, or net and individual positions (netting). */
    static void requireView(Capabilities caps, PositionView view) {
        if (!caps.reports(view)) {
            throw GatewayException.invalid(switch (view) {
                case INSTRUMENT -> "Positions per instrument are";
                case NET -> "Net positions are";
                case INDIVIDUAL -> "Individual positions are";
            } + " not supported by " + caps.displayName() + (caps.reports(PositionView.INSTRUMENT)
                    ? ", which reports one position per instrument: use positions"
                    : ", which reports net and individual positions: use netPositions and individualPositions"));
        }
    }

    /** maxCount: a positive whole number, at most 1,000; absent means 100. */
    static int count(String maxCount) {
        if (maxCount == null || maxCount.isBlank()) {
            return DEFAULT_MAX_COUNT;
        }
        try {
            int n = Integer.parseInt(maxCount.trim());
            if (n >= 1) {
                return Math.min(n, MAX_COUNT);
            }
        } catch (NumberFormatException e) {
            // same answer as a number out of range
        }
        throw GatewayException.invalid("maxCount must be a positive whole number, not " + TradingViewForm.clip(maxCount));
    }
}
