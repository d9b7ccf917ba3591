package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.TradingDays;
import io.brokergate.quote.feeds.Feed;
import io.brokergate.quote.feeds.FeedRouter;
import io.brokergate.quote.instruments.MarketCalendar;
import io.brokergate.quote.time.MarketClock;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/calendar/{market}}: trading days and sessions of a market. */
@Path("/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scopes.QUOTES_READ)
@Tag(name = "Instruments")
@SecurityRequirement(name = QuotesResource.BEARER)
public class CalendarResource {

    static final int DEFAULT_DAYS = 30;

    private final SecurityIdentity identity;
    private final FeedRouter router;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    public CalendarResource(SecurityIdentity identity, FeedRouter router, MarketCalendar calendar, MarketClock clock) {
        this.identity = identity;
        this.router = router;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @Path("/{market}")
    @Operation(summary = "Trading calendar of a market",
            description = "Trading days and half days (early close), as the broker lists them, in [from, to], at most 366 days, and the sessions.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class),
                    examples = @ExampleObject(name = "one week of HK", value = Examples.CALENDAR)))
    @APIResponse(responseCode = "400", description = "Unknown market, bad dates, from after to or more than 366 days",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad input", value = Examples.BAD_REQUEST)))
    public CompletionStage<CalendarView> calendar(
            @Parameter(description = "Market code", example = "HK") @PathParam("market") String market,
            @Parameter(description = "First day, YYYY-MM-DD; default today in the market", example = "2026-03-02")
            @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD; default 30 days after from", example = "2026-03-31")
            @QueryParam("to") String to,
            @Parameter(description = "Account whose broker to ask") @QueryParam("account") String account) {
        return Async.call(() -> {
            Caller caller = CallerKinds.requireNotServer(Callers.require(identity));
            Market m = InstrumentsResource.market(market);
            LocalDate first = TimeParams.date("from", from, clock.now().atZone(m.zone()).toLocalDate());
            LocalDate last = TimeParams.date("to", to, first.plusDays(DEFAULT_DAYS));
            Feed feed = router.route(caller, m, QuotesResource.blankToNull(account));
            CompletionStage<TradingDays> days = calendar.tradingDays(feed, m, first, last);
            return days.thenCombine(calendar.sessions(feed, m), (d, sessions) -> new CalendarView(m.name(), m.zone().getId(),
                    first, last, d.tradingDays(), d.halfDays(), sessions.stream().map(SessionView::of).toList()));
        });
    }
}
