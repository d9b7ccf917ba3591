package io.brokergate.trade.brackets;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.Order;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.journal.OrderJournal;
import io.brokergate.trade.orders.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The exits of bracket orders: list them with their entry, move or cancel one. */
@Path("/v1/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class BracketResource {

    /** {@code PATCH …/brackets/{legId}} body: the new exit price (the distance, for a trailing stop). */
    @Schema(name = "MoveBracketLeg", example = "{\"price\": 335.0}")
    public record MoveLeg(@Schema(required = true) BigDecimal price) {
    }

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final AccountBooks books;
    private final OrderJournal journal;
    private final Brackets brackets;

    @Context
    HttpServerRequest http;

    public BracketResource(SecurityIdentity identity, TradingAccounts accounts, AccountBooks books, OrderJournal journal,
                           Brackets brackets) {
        this.identity = identity;
        this.accounts = accounts;
        this.books = books;
        this.journal = journal;
        this.brackets = brackets;
    }

    @GET
    @Path("/orders/{orderId}/brackets")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "The exits of a bracket order", description = "Legs are inactive until the order fills, then "
            + "working at the broker (order_id); one filling cancels the other. Empty for an order without exits.")
    public List<BracketLegView> ofOrder(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId) {
        Account account = account(accountId);
        Order entry = books.book(account).order(orderId).or(() -> journal.order(account.id(), orderId))
                .orElseThrow(() -> GatewayException.notFound("order not found"));
        return brackets.ofParent(account, entry.clientOrderId()).stream().map(BracketLegView::of).toList();
    }

    @PATCH
    @Path("/brackets/{legId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Move an exit", description = "Stored while the leg waits for its entry, amended at the broker once working.")
    public BracketLegView move(@PathParam("accountId") String accountId, @PathParam("legId") String legId, MoveLeg body) {
        Account account = account(accountId);
        if (body == null) {
            throw GatewayException.invalid("a body with price is required");
        }
        return BracketLegView.of(brackets.reprice(origin(), account, legId, body.price()));
    }

    @DELETE
    @Path("/brackets/{legId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Cancel an exit", description = "202: cancelled at once while inactive, requested at the broker once working.")
    public Response cancel(@PathParam("accountId") String accountId, @PathParam("legId") String legId) {
        Account account = account(accountId);
        return Response.accepted(BracketLegView.of(brackets.cancel(origin(), account, legId))).build();
    }

    private Account account(String accountId) {
        return accounts.require(Callers.require(identity), accountId);
    }

    private RequestOrigin origin() {
        String address = http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new RequestOrigin(Callers.require(identity), address);
    }
}
