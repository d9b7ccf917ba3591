package io.brokergate.trade.orders;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.brackets.BracketSpec;
import io.brokergate.trade.brackets.Brackets;
import io.brokergate.trade.journal.OrderCursor;
import io.brokergate.trade.journal.OrderFilter;
import io.brokergate.trade.journal.OrderJournal;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The native order API of one account. */
@Path("/v1/accounts/{accountId}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    static final int MAX_PAGE = 500;
    static final int DEFAULT_PAGE = 100;

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final OrderDesk desk;
    private final OrderChanges changes;
    private final AccountBooks books;
    private final OrderJournal journal;
    private final Brackets brackets;

    @Context
    HttpServerRequest http;

    public OrderResource(SecurityIdentity identity, TradingAccounts accounts, OrderDesk desk, OrderChanges changes,
                         AccountBooks books, OrderJournal journal, Brackets brackets) {
        this.brackets = brackets;
        this.identity = identity;
        this.accounts = accounts;
        this.desk = desk;
        this.changes = changes;
        this.books = books;
        this.journal = journal;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Place an order", description = "201 with the order; 202 with status pending_new and outcome "
            + "unknown when the broker did not confirm in time (send the same request again to learn the outcome). "
            + "With take_profit and/or stop_loss (or trailing_stop) it is a bracket: the exits wait as inactive legs "
            + "(GET …/orders/{orderId}/brackets), are placed when this order fills and cancel each other. "
            + "Header Idempotent-Replayed: true when the client_order_id was seen before.")
    public Uni<Response> place(@PathParam("accountId") String accountId, PlaceOrderBody body) {
        // On the event loop: the body is already read (a blocking method would read it on the worker, waiting on the
        // event loop for its bytes), the account is an in-memory look-up. The place itself blocks (database, broker).
        Account account = account(accountId);
        if (body == null) {
            throw GatewayException.invalid("an order body is required");
        }
        OrderRequest request = body.toRequest(account.id());
        BracketSpec exits = body.brackets();
        RequestOrigin origin = origin();
        return Uni.createFrom().item(() -> placed(exits.isEmpty() ? desk.place(origin, account, request)
                        : brackets.place(origin, account, request, exits), account))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response placed(PlaceResult result, Account account) {
        OrderView view = OrderView.of(result, account.id());
        Response.ResponseBuilder r = result.outcomeUnknown() ? Response.accepted(view)
                : Response.created(URI.create("/v1/accounts/" + account.id() + "/orders/" + view.orderId())).entity(view);
        return r.header("Idempotent-Replayed", result.replayed()).build();
    }

    @GET
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "List orders", description = "Newest first. Filters: status (comma-separated), symbol, "
            + "from/to (ISO instants, to exclusive). Pages of limit (1–500, default 100); pass next_cursor as cursor.")
    public OrderPage list(@PathParam("accountId") String accountId, @QueryParam("status") String status,
                          @QueryParam("symbol") String symbol, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Account account = account(accountId);
        int size = pageSize(limit);
        OrderFilter filter = new OrderFilter(statuses(status), instrument(symbol), instant("from", from), instant("to", to));
        List<Order> page = journal.orders(account.id(), filter, OrderCursor.decode(cursor), size + 1);
        List<Order> shown = page.size() > size ? page.subList(0, size) : page;
        String next = page.size() > size ? new OrderCursor(shown.get(size - 1).createdAt(), shown.get(size - 1).orderId()).encode() : null;
        return new OrderPage(shown.stream().map(OrderView::of).toList(), next);
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "One order")
    public OrderView get(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId) {
        Account account = account(accountId);
        return books.book(account).order(orderId).or(() -> journal.order(account.id(), orderId)).map(OrderView::of)
                .orElseThrow(() -> GatewayException.notFound("order not found"));
    }

    @PATCH
    @Path("/{orderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Modify quantity and/or prices", description = "202: the broker took the request; the change "
            + "shows in the order (and on the streams) when the broker confirms it.")
    public Response modify(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId, ModifyOrderBody body) {
        Account account = account(accountId);
        if (body == null) {
            throw GatewayException.invalid("a body with quantity, limit_price or stop_price is required");
        }
        body.validate();
        Order order = changes.modify(origin(), account, orderId, body.quantity(), body.limitPrice(), body.stopPrice());
        return Response.accepted(OrderView.of(order)).build();
    }

    @DELETE
    @Path("/{orderId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Cancel an order", description = "202: the broker took the request.")
    public Response cancel(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId) {
        Account account = account(accountId);
        return Response.accepted(OrderView.of(changes.cancel(origin(), account, orderId))).build();
    }

    @DELETE
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "Cancel all open orders", description = "Optionally of one symbol. One result per order.")
    public List<OrderChanges.CancelOutcome> cancelAll(@PathParam("accountId") String accountId,
                                                      @QueryParam("symbol") String symbol) {
        Account account = account(accountId);
        return changes.cancelAll(origin(), account, instrument(symbol));
    }

    private Account account(String accountId) {
        return accounts.require(Callers.require(identity), accountId);
    }

    private RequestOrigin origin() {
        String address = http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        return new RequestOrigin(Callers.require(identity), address);
    }

    /** A String parameter: JAX-RS answers an unconvertible Integer parameter with 404, which would mislead. */
    private static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw GatewayException.invalid("limit must be a whole number from 1 to " + MAX_PAGE);
    }

    static InstrumentId instrument(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return null;
        }
        try {
            return InstrumentId.parse(symbol.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GatewayException.invalid("symbol " + PlaceOrderBody.clip(symbol) + " is not TICKER.MARKET");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw GatewayException.invalid(field + " must be an ISO-8601 instant (2026-11-21T09:30:00Z), not "
                    + PlaceOrderBody.clip(value));
        }
    }

    static Set<OrderStatus> statuses(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<OrderStatus> out = EnumSet.noneOf(OrderStatus.class);
        for (String s : csv.split(",", 20)) {
            out.add(PlaceOrderBody.word(OrderStatus.class, "status", s, true));
        }
        return out;
    }
}
