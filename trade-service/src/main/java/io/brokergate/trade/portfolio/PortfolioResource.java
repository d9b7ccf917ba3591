package io.brokergate.trade.portfolio;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.Balance;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.journal.OrderJournal;
import io.brokergate.trade.orders.OrderResource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Positions, balances and executions. Served from the account's book, which order events keep
 * current: polling these costs the broker nothing after the first reconciliation.
 */
@Path("/v1/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "portfolio")
public class PortfolioResource {

    private static final int MAX_EXECUTIONS = 1_000;

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final AccountBooks books;
    private final OrderJournal journal;

    public PortfolioResource(SecurityIdentity identity, TradingAccounts accounts, AccountBooks books, OrderJournal journal) {
        this.identity = identity;
        this.accounts = accounts;
        this.books = books;
        this.journal = journal;
    }

    @GET
    @Path("/positions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "Open positions")
    public List<PositionView> positions(@PathParam("accountId") String accountId) {
        return books.reconciled(account(accountId)).positions().stream().map(PositionView::of).toList();
    }

    @GET
    @Path("/balances")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "Cash and buying power per currency")
    public List<Balance> balances(@PathParam("accountId") String accountId) {
        return books.reconciled(account(accountId)).balances();
    }

    @GET
    @Path("/executions")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "Executions (fills)", description = "Today's from memory; with from/to (ISO instants), from "
            + "the journal. Newest first, at most 1,000.")
    public List<ExecutionView> executions(@PathParam("accountId") String accountId, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        Account account = account(accountId);
        if (from == null && to == null) {
            return books.reconciled(account).executions().stream().map(ExecutionView::of).toList();
        }
        return journal.executions(account.id(), OrderResource.instant("from", from), OrderResource.instant("to", to),
                MAX_EXECUTIONS).stream().map(ExecutionView::of).toList();
    }

    private Account account(String accountId) {
        return accounts.require(Callers.require(identity), accountId);
    }
}
