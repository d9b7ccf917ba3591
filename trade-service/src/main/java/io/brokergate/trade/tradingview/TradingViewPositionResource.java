package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.account.Account;
import io.brokergate.core.capability.Capabilities;
import io.brokergate.core.capability.PositionView;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.trade.orders.PlaceResult;
import io.brokergate.trade.orders.PositionClosing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Position changes: close (wholly, or {@code amount} of it) with a market order on the opposite
 * side through the order path; modify (brackets, native reverse) refused with a clear message
 * while no broker supports it. A position's id is its instrument ({@code 700.HK}). The net and
 * individual position endpoints answer only for brokers that report those views.
 */
@Path("/tv/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TradingView")
public class TradingViewPositionResource {

    private static final Set<String> FIELDS = Set.of("amount", "side", "currentAsk", "currentBid", "stopLoss", "takeProfit",
            "trailingStopPips", "guaranteedStop");

    private final TradingViewCallers callers;
    private final PositionClosing closing;
    private final BracketOrders brackets;

    public TradingViewPositionResource(TradingViewCallers callers, PositionClosing closing, BracketOrders brackets) {
        this.callers = callers;
        this.closing = closing;
        this.brackets = brackets;
    }

    @PUT
    @Path("/positions/{positionId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView modify position (brackets, native reverse)")
    public Map<String, Object> modify(@PathParam("accountId") String accountId, @PathParam("positionId") String positionId,
                                      @QueryParam("locale") String locale,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return modify(accountId, positionId, PositionView.INSTRUMENT, contentType, body);
    }

    @DELETE
    @Path("/positions/{positionId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView close position", description = "amount closes part of it (whole lots).")
    public Map<String, Object> close(@PathParam("accountId") String accountId, @PathParam("positionId") String positionId,
                                     @QueryParam("locale") String locale,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return close(accountId, positionId, PositionView.INSTRUMENT, contentType, body);
    }

    @DELETE
    @Path("/netPositions/{netPositionId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView close net position (brokers that report position netting)")
    public Map<String, Object> closeNet(@PathParam("accountId") String accountId, @PathParam("netPositionId") String positionId,
                                        @QueryParam("locale") String locale,
                                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return close(accountId, positionId, PositionView.NET, contentType, body);
    }

    @PUT
    @Path("/individualPositions/{individualPositionId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView modify individual position (brokers that report them)")
    public Map<String, Object> modifyIndividual(@PathParam("accountId") String accountId,
                                                @PathParam("individualPositionId") String positionId,
                                                @QueryParam("locale") String locale,
                                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return modify(accountId, positionId, PositionView.INDIVIDUAL, contentType, body);
    }

    @DELETE
    @Path("/individualPositions/{individualPositionId}")
    @RolesAllowed(Scopes.TRADE)
    @Operation(summary = "TradingView close individual position (brokers that report them)")
    public Map<String, Object> closeIndividual(@PathParam("accountId") String accountId,
                                               @PathParam("individualPositionId") String positionId,
                                               @QueryParam("locale") String locale,
                                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return close(accountId, positionId, PositionView.INDIVIDUAL, contentType, body);
    }

    private Map<String, Object> modify(String accountId, String positionId, PositionView view, String contentType, String body) {
        Account account = callers.account(accountId);
        Capabilities caps = callers.capabilities(account);
        TradingViewPortfolioResource.requireView(caps, view);
        TradingViewForm form = TradingViewForm.parse(body, contentType, FIELDS);
        InstrumentId instrument = OrderTicket.instrument(positionId);
        if (form.text("side") != null) {
            OrderTicket.side(form.text("side"));
            throw GatewayException.invalid("Reversing a position in one request is not supported by " + caps.displayName()
                    + ": close it, then place an order on the other side");
        }
        BracketFields requested = BracketFields.from(form);
        if (requested.isEmpty()) {
            throw GatewayException.invalid("Nothing to change: give stopLoss, takeProfit, trailingStopPips or guaranteedStop");
        }
        brackets.accept(account, caps, BracketOrders.Target.POSITION, instrument, requested);
        return TradingViewReplies.ok();
    }

    private Map<String, Object> close(String accountId, String positionId, PositionView view, String contentType, String body) {
        Account account = callers.account(accountId);
        TradingViewPortfolioResource.requireView(callers.capabilities(account), view);
        TradingViewForm form = TradingViewForm.parse(body, contentType, FIELDS);
        BigDecimal amount = form.number("amount");
        PlaceResult result = closing.close(callers.origin(), account, OrderTicket.instrument(positionId),
                amount == null || amount.signum() == 0 ? null : amount);
        if (result.outcomeUnknown()) {
            throw new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "The broker did not confirm the closing order in "
                    + "time. It is being looked up: check the order list before closing again.");
        }
        return TradingViewReplies.ok();
    }
}
