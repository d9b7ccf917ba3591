package io.brokergate.trade.preview;

import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.GatewayException;
import io.brokergate.trade.accounts.TradingAccounts;
import io.brokergate.trade.orders.PlaceOrderBody;
import io.brokergate.trade.orders.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/accounts/{id}/orders/preview}: the estimate of an order, which is not placed. */
@Path("/v1/accounts/{accountId}/orders/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderPreviewResource {

    static final String EXAMPLE = """
            {"symbol": "700.HK", "side": "buy", "type": "limit", "quantity": 100, "currency": "HKD", "price": 320.2,
             "price_source": "limit", "estimated_cost": 32020.0,
             "fees": [{"name": "commission", "label": "Commission", "amount": 9.61},
                      {"name": "platform-fee", "label": "Platform fee", "amount": 15.00},
                      {"name": "stamp-duty", "label": "Stamp duty", "amount": 33}],
             "total_fees": 57.61, "estimated_total": 32077.61, "buying_power": 100000000, "buying_power_currency": "HKD",
             "max_quantity": 312000,
             "warnings": [{"code": "outside_trading_hours", "message": "HK is outside its regular trading hours (09:30–12:00, 13:00–16:00 Asia/Hong_Kong): the order waits for the next session", "blocking": false}],
             "placeable": true}""";

    private final SecurityIdentity identity;
    private final TradingAccounts accounts;
    private final OrderPreviews previews;

    public OrderPreviewResource(SecurityIdentity identity, TradingAccounts accounts, OrderPreviews previews) {
        this.identity = identity;
        this.accounts = accounts;
        this.previews = previews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "Preview an order", description = "The same body as placing. Nothing is placed: the answer is the "
            + "estimated cost (quantity × limit price, or the current ask/bid for market orders), the fees of the configured "
            + "schedule, the buying power, the broker's max-quantity estimate and warnings (lot or tick size, risk limits, "
            + "insufficient buying power or position, outside trading hours). placeable is false when a warning is blocking: "
            + "the gateway would refuse the order as it is. client_order_id is ignored.")
    @APIResponse(responseCode = "200", description = "The estimate", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "limit buy", value = EXAMPLE)))
    public OrderPreviewView preview(@PathParam("accountId") String accountId, PlaceOrderBody body) {
        Account account = accounts.require(Callers.require(identity), accountId);
        if (body == null) {
            throw GatewayException.invalid("an order body is required");
        }
        RequestOrigin origin = new RequestOrigin(Callers.require(identity), null);
        return OrderPreviewView.of(previews.preview(origin, account, body.toRequest(account.id()),
                OrderPreviews.ShownPrices.NONE, true));
    }
}
