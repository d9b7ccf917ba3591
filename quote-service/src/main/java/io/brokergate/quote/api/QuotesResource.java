package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
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
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/quotes}: level-1 quotes of many symbols in one request. */
@Path("/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Market data", description = "Quotes, candles, order books and trades, from the cache or the broker")
@SecurityScheme(securitySchemeName = QuotesResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT or API key (bgk_…)",
        description = "An access token from auth-service or an API key; market data needs scope quotes:read")
@SecurityRequirement(name = QuotesResource.BEARER)
public class QuotesResource {

    static final String BEARER = "bearer";

    private final SecurityIdentity identity;
    private final QuoteService quotes;
    private final QuoteConfig config;

    public QuotesResource(SecurityIdentity identity, QuoteService quotes, QuoteConfig config) {
        this.identity = identity;
        this.quotes = quotes;
        this.config = config;
    }

    @GET
    @Operation(summary = "Quotes of many symbols",
            description = "Served from the cache while current (pushed by the account's socket or fetched within "
                    + "the last second); the rest of the symbols go to the broker in as few calls as its limits allow "
                    + "(LongPort: 500 symbols per call), shared with identical requests in flight.")
    @APIResponse(responseCode = "200", description = "Quotes in the order asked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotesView.class),
                    examples = @ExampleObject(name = "one symbol", value = Examples.QUOTES)))
    @APIResponse(responseCode = "400", description = "No symbols, a malformed symbol or too many symbols",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "too many", value = Examples.BAD_REQUEST)))
    @APIResponse(responseCode = "403", description = "None of the caller's accounts serves a symbol's market",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "not entitled", value = Examples.NOT_ENTITLED)))
    @APIResponse(responseCode = "404", description = "The broker does not know a symbol, or the named account is not the caller's",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown symbol", value = Examples.UNKNOWN_SYMBOL)))
    @APIResponse(responseCode = "503", description = "Not cached and no broker session is open on this node",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "no session", value = Examples.BROKER_UNAVAILABLE)))
    public CompletionStage<QuotesView> quotes(
            @Parameter(description = "Comma-separated canonical symbols (TICKER.MARKET), at most brokergate.quote.requests.max-symbols (default 1000)",
                    example = "700.HK,AAPL.US") @QueryParam("symbols") String symbols,
            @Parameter(description = "Account whose market data to use; default: the caller's best account for each market",
                    example = "acc-1") @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            List<Symbols.Requested> asked = Symbols.parseList(symbols, config.requests().maxSymbols());
            return quotes.quotes(caller, blankToNull(account), asked.stream().map(Symbols.Requested::id).toList(), false)
                    .thenApply(list -> new QuotesView(list.stream().map(QuoteView::of).toList()));
        });
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
