package io.brokergate.trade.tradingview;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.error.GatewayException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /tv/accounts/{id}/trackLatency}: the round trips TradingView measured in the user's
 * browser, recorded as the timer {@code brokergate.tradingview.round.trip} (histogram, tag
 * {@code transaction_type}). The request has no {@code locale}.
 */
@Path("/tv/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TradingView")
public class TradingViewLatencyResource {

    static final String METRIC = "brokergate.tradingview.round.trip";
    static final List<String> TRANSACTION_TYPES = List.of("place_order", "modify_order", "cancel_order", "modify_position",
            "close_position", "modify_individual_position", "close_individual_position", "close_net_position");
    private static final Set<String> FIELDS = Set.of("transactionId", "transactionType", "instrument", "qty", "side", "ask",
            "bid", "timestamp", "roundTripStartTime", "roundTripDuration");
    /** A browser round trip longer than this is a clock or client fault, not a latency. */
    private static final BigDecimal MAX_ROUND_TRIP_MS = BigDecimal.valueOf(Duration.ofHours(1).toMillis());

    private final TradingViewCallers callers;
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public TradingViewLatencyResource(TradingViewCallers callers, MeterRegistry registry) {
        this.callers = callers;
        this.registry = registry;
    }

    @POST
    @Path("/trackLatency")
    @RolesAllowed(Scopes.ACCOUNTS_READ)
    @Operation(summary = "TradingView latency report")
    public Map<String, Object> track(@PathParam("accountId") String accountId,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        callers.account(accountId);
        TradingViewForm form = TradingViewForm.parse(body, contentType, FIELDS);
        form.required("transactionId");
        String type = form.required("transactionType");
        if (!TRANSACTION_TYPES.contains(type)) {
            throw GatewayException.invalid("transactionType must be one of " + String.join(", ", TRANSACTION_TYPES)
                    + ", not " + TradingViewForm.clip(type));
        }
        OrderTicket.instrument(form.required("instrument"));
        OrderTicket.side(form.required("side"));
        for (String field : List.of("ask", "bid", "timestamp")) {
            requiredNumber(form, field);
        }
        form.number("qty");
        form.number("roundTripStartTime");
        BigDecimal duration = requiredNumber(form, "roundTripDuration");
        if (duration.signum() < 0 || duration.compareTo(MAX_ROUND_TRIP_MS) > 0) {
            throw GatewayException.invalid("roundTripDuration must be from 0 to " + MAX_ROUND_TRIP_MS + " ms");
        }
        timers.computeIfAbsent(type, t -> Timer.builder(METRIC).description("Round trips TradingView measured in the browser")
                .tag("transaction_type", t).publishPercentileHistogram().register(registry))
                .record(Duration.ofNanos(duration.movePointRight(6).longValue()));
        return TradingViewReplies.ok();
    }

    private static BigDecimal requiredNumber(TradingViewForm form, String field) {
        BigDecimal v = form.number(field);
        if (v == null) {
            throw GatewayException.invalid(field + " is required");
        }
        return v;
    }
}
