package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.trade.brackets.BracketLeg;
import io.brokergate.trade.brackets.BracketSpec;
import io.brokergate.trade.brackets.Brackets;
import io.brokergate.trade.book.AccountBooks;
import io.brokergate.trade.orders.OrderChanges;
import io.brokergate.trade.orders.OrderDesk;
import io.brokergate.trade.orders.PlaceResult;
import io.brokergate.trade.preview.OrderPreview;
import io.brokergate.trade.preview.OrderPreviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * TradingView's order entry: place, modify, cancel, preview and order info, as forms
 * ({@code application/x-www-form-urlencoded}; unknown keys are the order dialog's custom fields and
 * are ignored). Orders go through the native order path: instrument rules, risk limits,
 * idempotency (TradingView's {@code requestId} is the client order id, so its retries never place
 * twice), the broker, the journal.
 */
@Path("/tv/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TradingView")
public class TradingViewOrderResource {

    private static final Pattern PLAIN_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");

    private final TradingViewCallers callers;
    private final AccountBooks books;
    private final OrderDesk desk;
    private final OrderChanges changes;
    private final OrderPreviews previews;
    private final PreviewConfirmations confirmations;
    private final BracketOrders brackets;
    private final Brackets legs;

    public TradingViewOrderResource(TradingViewCallers callers, AccountBooks books, OrderDesk desk, OrderChanges changes,
                                    OrderPreviews previews, PreviewConfirmations confirmations, BracketOrders brackets,
                                    Brackets legs) {
        this.legs = legs;
        this.callers = callers;
        this.books = books;
        this.desk = desk;
        this.changes = changes;
        this.previews = previews;
        this.confirmations = confirmations;
        this.brackets = brackets;
    }

    @POST
    @Path("/orders")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView place order", description = "requestId makes the place idempotent; confirmId (form, "
            + "1.4.27, or query, 1.4.14) must match the previewed order.")
    public Map<String, Object> place(@PathParam("accountId") String accountId, @QueryParam("locale") String locale,
                                     @QueryParam("requestId") String requestId, @QueryParam("confirmId") String confirmIdQuery,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Account account = callers.account(accountId);
        OrderTicket ticket = OrderTicket.newOrder(TradingViewForm.parse(body, contentType, OrderTicket.FIELDS));
        BracketSpec exits = brackets.accept(account, callers.capabilities(account), BracketOrders.Target.NEW_ORDER,
                ticket.instrument(), ticket.brackets());
        confirmations.verify(confirmId(ticket, confirmIdQuery), account.id(), null, ticket);
        PlaceResult result;
        try {
            OrderRequest request = ticket.toRequest(account.id(), clientOrderId(requestId));
            result = exits.isEmpty() ? desk.place(callers.origin(), account, request)
                    : legs.place(callers.origin(), account, request, exits);
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                throw GatewayException.invalid("requestId " + TradingViewForm.clip(requestId) + " was already used for another order");
            }
            throw e;
        }
        if (result.outcomeUnknown()) {
            throw new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "The broker did not confirm the order in time. "
                    + "It is being looked up: check the order list before placing it again.");
        }
        return TradingViewReplies.ok(Map.of("orderId", result.order().orderId()));
    }

    @PUT
    @Path("/orders/{orderId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView modify order", description = "qty is the new total quantity; prices left out stay.")
    public Map<String, Object> modify(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId,
                                      @QueryParam("locale") String locale, @QueryParam("confirmId") String confirmIdQuery,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Account account = callers.account(accountId);
        TradingViewForm form = TradingViewForm.parse(body, contentType, OrderTicket.FIELDS);
        String brokerOrderId = orderId;
        if (BracketLeg.isLegId(orderId)) {
            BracketLeg leg = legs.require(account, orderId);
            if (leg.orderId() == null) {
                return moveWaitingExit(account, leg, OrderTicket.modification(form, leg.asOrder()));
            }
            brokerOrderId = leg.orderId(); // a working exit is a broker order like any other
        }
        Order order = openOrder(account, brokerOrderId);
        OrderTicket ticket = OrderTicket.modification(form, order);
        brackets.accept(account, callers.capabilities(account), BracketOrders.Target.EXISTING_ORDER, order.instrument(),
                ticket.brackets());
        confirmations.verify(confirmId(ticket, confirmIdQuery), account.id(), orderId, ticket);
        BigDecimal qty = changed(ticket.qty(), order.quantity());
        BigDecimal limit = changed(ticket.limitPrice(), order.limitPrice());
        BigDecimal stop = changed(ticket.stopPrice(), order.stopPrice());
        if (qty != null || limit != null || stop != null) {
            changes.modify(callers.origin(), account, brokerOrderId, qty, limit, stop);
        }
        return TradingViewReplies.ok();
    }

    /** An exit waiting for its entry (or armed at the gateway): only its price moves; its size follows the entry. */
    private Map<String, Object> moveWaitingExit(Account account, BracketLeg leg, OrderTicket ticket) {
        if (changed(ticket.qty(), leg.quantity()) != null) {
            throw GatewayException.invalid("The quantity of a bracket exit follows its entry order");
        }
        BigDecimal price = leg.limitPrice() != null ? changed(ticket.limitPrice(), leg.limitPrice())
                : changed(ticket.stopPrice(), leg.stopPrice());
        if (price != null) {
            legs.reprice(callers.origin(), account, leg.legId(), price);
        }
        return TradingViewReplies.ok();
    }

    @DELETE
    @Path("/orders/{orderId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView cancel order")
    public Map<String, Object> cancel(@PathParam("accountId") String accountId, @PathParam("orderId") String orderId,
                                      @QueryParam("locale") String locale) {
        Account account = callers.account(accountId);
        if (BracketLeg.isLegId(orderId)) {
            legs.cancel(callers.origin(), account, orderId);
        } else {
            changes.cancel(callers.origin(), account, orderId);
        }
        return TradingViewReplies.ok();
    }

    @POST
    @Path("/previewOrder")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView order preview", description = "Of a new order, or with id of a change to an open "
            + "order. Nothing is placed; the confirmId goes with the place or modify that follows.")
    public Map<String, Object> preview(@PathParam("accountId") String accountId, @QueryParam("locale") String locale,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Account account = callers.account(accountId);
        TradingViewForm form = TradingViewForm.parse(body, contentType, OrderTicket.FIELDS);
        Order open = form.text("id") == null ? null : openOrder(account, form.text("id"));
        OrderTicket ticket = ticket(form, open);
        OrderPreview p = estimate(account, ticket, open, true);
        return TradingViewReplies.ok(PreviewRows.preview(p, confirmations.issue(account.id(), open == null ? null
                : open.orderId(), ticket)));
    }

    @POST
    @Path("/orderInfo")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView order info (1.4.27)", description = "The order ticket's Order Info rows, asked again "
            + "whenever a field of /config's orderInfoConfig changes; no broker estimate, so typing costs no trade call.")
    public Map<String, Object> orderInfo(@PathParam("accountId") String accountId, @QueryParam("locale") String locale,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Account account = callers.account(accountId);
        TradingViewForm form = TradingViewForm.parse(body, contentType, OrderTicket.FIELDS);
        // A ticket for an order that has just filled or been cancelled is shown as a new order.
        Order open = form.text("id") == null ? null
                : books.reconciled(account).order(form.text("id")).filter(o -> o.status().isOpen()).orElse(null);
        return TradingViewReplies.ok(PreviewRows.info(estimate(account, ticket(form, open), open, false)));
    }

    private static OrderTicket ticket(TradingViewForm form, Order open) {
        return open == null ? OrderTicket.newOrder(form) : OrderTicket.modification(form, open);
    }

    private OrderPreview estimate(Account account, OrderTicket ticket, Order open, boolean brokerEstimate) {
        Capabilities caps = callers.capabilities(account);
        OrderRequest request = ticket.toRequest(account.id(), "preview");
        brackets.accept(account, caps, open == null ? BracketOrders.Target.NEW_ORDER : BracketOrders.Target.EXISTING_ORDER,
                ticket.instrument(), ticket.brackets()).validateAgainst(request);
        return previews.preview(callers.origin(), account, request,
                new OrderPreviews.ShownPrices(ticket.currentAsk(), ticket.currentBid()), brokerEstimate);
    }

    private Order openOrder(Account account, String orderId) {
        Order order = books.reconciled(account).order(orderId)
                .orElseThrow(() -> GatewayException.notFound("Order " + TradingViewForm.clip(orderId) + " was not found"));
        if (order.status().isFinal()) {
            throw GatewayException.invalid("Order " + orderId + " is already " + order.status().wireName());
        }
        return order;
    }

    /** 1.4.27 sends confirmId in the form, 1.4.14 in the query. */
    private static String confirmId(OrderTicket ticket, String fromQuery) {
        return ticket.confirmId() != null ? ticket.confirmId() : fromQuery == null || fromQuery.isBlank() ? null : fromQuery;
    }

    private static BigDecimal changed(BigDecimal wanted, BigDecimal current) {
        return wanted == null || current != null && wanted.compareTo(current) == 0 ? null : wanted;
    }

    /**
     * TradingView's requestId as the native idempotency key: the same requestId is the same order.
     * Ids that are not short plain words are hashed, so any requestId fits the 64-character key.
     */
    static String clientOrderId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return OrderDesk.newClientOrderId();
        }
        if (PLAIN_REQUEST_ID.matcher(requestId).matches()) {
            return "tv-" + requestId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            return "tv-h-" + HexFormat.of().formatHex(hash, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
