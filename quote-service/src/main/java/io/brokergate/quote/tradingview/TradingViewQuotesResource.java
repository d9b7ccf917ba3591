package io.brokergate.quote.tradingview;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.quote.api.CallerKinds;
import io.brokergate.quote.api.Examples;
import io.brokergate.quote.config.QuoteConfig;
import io.brokergate.quote.quotes.QuoteService;
import io.brokergate.quote.symbols.Symbols;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** TradingView {@code GET /quotes}: bid and ask of the user's instruments, polled about every 500 ms. */
@Path("/tv/quotes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "TradingView", description = "TradingView Broker API: market data of the trading integration and the data integration")
@SecurityRequirement(name = "bearer")
public class TradingViewQuotesResource {

    private final SecurityIdentity identity;
    private final QuoteService quotes;
    private final QuoteConfig config;

    public TradingViewQuotesResource(SecurityIdentity identity, QuoteService quotes, QuoteConfig config) {
        this.identity = identity;
        this.quotes = quotes;
        this.config = config;
    }

    @GET
    @Operation(summary = "TradingView quotes", description = "Best bid and ask of each symbol, read from the order book "
            + "where the broker's quote has none; without any bid or ask the last price stands in. User tokens only.")
    @APIResponse(responseCode = "200", description = "Quotes, or {\"s\":\"error\"} for a business error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "ok", value = Examples.TV_QUOTES),
                    @ExampleObject(name = "error", value = Examples.TV_ERROR)}))
    public CompletionStage<TvResponses.Quotes> quotes(
            @Parameter(description = "Locale (accepted, English answers)", example = "en") @QueryParam("locale") String locale,
            @Parameter(description = "The user's account", example = "acc-1", required = true) @QueryParam("accountId") String accountId,
            @Parameter(description = "Comma-separated symbols", example = "700.HK,AAPL.US", required = true)
            @QueryParam("symbols") String symbols) {
        return TradingViewErrors.guard("/tv/quotes", () -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            String account = requireAccount(accountId);
            List<Symbols.Requested> asked = Symbols.parseList(symbols, config.requests().maxSymbols());
            return quotes.quotes(caller, account, asked.stream().map(Symbols.Requested::id).toList(), true)
                    .thenApply(list -> {
                        List<TvResponses.QuoteItem> items = new ArrayList<>(list.size());
                        for (int i = 0; i < list.size(); i++) {
                            items.add(new TvResponses.QuoteItem("ok", asked.get(i).asGiven(), values(list.get(i))));
                        }
                        return new TvResponses.Quotes("ok", items);
                    });
        });
    }

    static String requireAccount(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw GatewayException.invalid("accountId is required");
        }
        return accountId.trim();
    }

    private static TvResponses.QuoteValues values(Quote q) {
        BigDecimal ask = q.ask() != null ? q.ask() : q.last();
        BigDecimal bid = q.bid() != null ? q.bid() : q.last();
        if (ask == null || bid == null) {
            throw GatewayException.notFound("no price for " + q.instrument() + " yet");
        }
        boolean halted = q.phase() == TradingPhase.HALTED || q.phase() == TradingPhase.SUSPENDED;
        return new TvResponses.QuoteValues(ask, bid, halted ? Boolean.TRUE : null);
    }

    @ServerExceptionMapper
    public Response failed(GatewayException e) {
        return TradingViewErrors.render(e);
    }
}
