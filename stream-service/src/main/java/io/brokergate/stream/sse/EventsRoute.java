package io.brokergate.stream.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.problem.Problem;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.stream.fanout.ClientSession;
import io.brokergate.stream.fanout.FanoutHub;
import io.brokergate.stream.fanout.StreamAccess;
import io.brokergate.stream.fanout.StreamKind;
import io.brokergate.stream.fanout.Symbols;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/events?account=…&streams=orders,executions[&symbols=…]}: the client streams as
 * server-sent events. All checks (401, 403, 404, 400 as problem+json) happen before the stream
 * starts; {@code Last-Event-ID} ({@code <epoch>-<sequence>}) resumes the account streams.
 * A plain Vert.x route so that writes are the connection's own non-blocking writes.
 */
@ApplicationScoped
public class EventsRoute {

    static final String PATH = "/v1/events";

    private final FanoutHub hub;
    private final StreamAccess access;
    private final ObjectMapper json;

    public EventsRoute(FanoutHub hub, StreamAccess access, ObjectMapper json) {
        this.hub = hub;
        this.access = access;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> Callers.find(identity).ifPresentOrElse(caller -> start(ctx, caller),
                        () -> problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "a bearer token is required"))),
                failure -> problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid credential")));
    }

    private void start(RoutingContext ctx, Caller caller) {
        String account = ctx.request().getParam("account");
        Set<StreamKind> streams = EnumSet.noneOf(StreamKind.class);
        List<InstrumentId> symbols = List.of();
        try {
            if (account == null || account.isBlank()) {
                throw GatewayException.invalid("account is required");
            }
            String names = ctx.request().getParam("streams");
            if (names == null || names.isBlank()) {
                throw GatewayException.invalid("streams is required");
            }
            for (String name : names.split(",")) {
                streams.add(StreamKind.parse(name.trim())
                        .orElseThrow(() -> GatewayException.invalid("unknown stream '" + name.trim() + "'")));
            }
            for (StreamKind k : streams) {
                access.authorize(caller, k, account);
            }
            if (streams.stream().anyMatch(StreamKind::isMarketData)) {
                String s = ctx.request().getParam("symbols");
                symbols = Symbols.parse(s == null ? null : Arrays.asList(s.split(",")), streams.iterator().next());
            }
        } catch (GatewayException e) {
            problem(ctx, e);
            return;
        }
        if (hub.isShuttingDown()) {
            problem(ctx, new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "server shutting down; reconnect"));
            return;
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": connected\n\n");
        ClientSession session = hub.open(caller, new SseTransport(ctx.request()));
        ctx.request().connection().closeHandler(v -> hub.close(session));
        response.closeHandler(v -> hub.close(session));
        subscribe(session, ctx.request().getHeader("Last-Event-ID"), account, streams, symbols);
    }

    private void subscribe(ClientSession session, String lastEventId, String account, Set<StreamKind> streams,
                           List<InstrumentId> symbols) {
        Set<StreamKind> accountStreams = EnumSet.noneOf(StreamKind.class);
        for (StreamKind k : streams) {
            if (k.isMarketData()) {
                hub.subscribe(session, null, k, account, symbols);
            } else {
                accountStreams.add(k);
            }
        }
        if (accountStreams.isEmpty()) {
            return;
        }
        if (lastEventId == null || lastEventId.isBlank()) {
            for (StreamKind k : accountStreams) {
                hub.subscribe(session, null, k, account, List.of());
            }
            return;
        }
        long epoch = -1;
        long after = -1;
        int dash = lastEventId.indexOf('-');
        try {
            epoch = Long.parseLong(lastEventId.substring(0, Math.max(dash, 0)));
            after = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            // an id this server never sent: epoch -1 matches no stream, so the client gets resync + snapshot
        }
        hub.resume(session, null, account, accountStreams, epoch, after + 1);
    }

    private void problem(RoutingContext ctx, GatewayException e) {
        HttpServerResponse r = ctx.response().setStatusCode(e.code().httpStatus()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (e.code() == ErrorCode.UNAUTHENTICATED) {
            r.putHeader("WWW-Authenticate", "Bearer");
        }
        try {
            r.end(json.writeValueAsString(Problem.of(e.code(), e.getMessage(), PATH)));
        } catch (JsonProcessingException ex) {
            r.end();
        }
    }
}
