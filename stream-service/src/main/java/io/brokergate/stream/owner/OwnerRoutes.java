package io.brokergate.stream.owner;

import io.brokergate.api.problem.Problem;
import io.brokergate.api.security.config.SecuritySettings;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerSession;
import io.brokergate.remote.wire.OwnerCall;
import io.brokergate.remote.wire.OwnerCalls;
import io.brokergate.remote.wire.OwnerJson;
import io.brokergate.remote.wire.OwnerProblems;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.brokergate.stream.upstream.UpstreamSessions;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The socket owner's internal API ({@code POST /internal/v1/accounts/{accountId}/{call}}, one route
 * per {@link OwnerCalls} entry): trade- and quote-service pods send the broker calls of accounts
 * whose sockets this pod holds, and they run on this pod's own session, through its one governor.
 * Only the cluster's service credential gets in (401 otherwise); a pod that does not own the account
 * answers 421 {@code not_owner} so the caller looks the owner up again; the adapter's failures go
 * back as problem JSON with their gateway code. Non-blocking throughout. Cluster-internal: the
 * Ingress does not route {@code /internal}.
 */
@ApplicationScoped
public class OwnerRoutes {

    private static final Logger LOG = Logger.getLogger(OwnerRoutes.class);
    /** The largest argument is a quote request's instrument list: 500 symbols are about 8 KiB. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final UpstreamSessions sessions;
    private final ServiceCredential credential;

    public OwnerRoutes(UpstreamSessions sessions, SecuritySettings security) {
        this.sessions = sessions;
        this.credential = new ServiceCredential(security.introspectionClientId(), security.introspectionSecret());
    }

    void register(@Observes Router router) {
        for (OwnerCall<?, ?> call : OwnerCalls.ALL) {
            router.post(OwnerCall.PATH_PREFIX + ":accountId/" + call.name())
                    .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)) // Vert.x wants it first; bounded
                    .handler(this::authenticate)
                    .handler(ctx -> handle(ctx, call))
                    .failureHandler(this::failed);
        }
    }

    private void authenticate(RoutingContext ctx) {
        if (credential.accepts(ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION))) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"brokergate-internal\"");
        problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "the cluster's service credential is required"));
    }

    private <A, R> void handle(RoutingContext ctx, OwnerCall<A, R> call) {
        String accountId = ctx.pathParam("accountId");
        if (!sessions.owns(accountId)) {
            ctx.response().setStatusCode(OwnerProblems.MISDIRECTED).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(OwnerProblems.notOwner(accountId, ctx.request().path())));
            return;
        }
        BrokerSession session = sessions.session(accountId).orElse(null);
        if (session == null) {
            problem(ctx, new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker session of account " + accountId
                    + " is opening; retry shortly", java.time.Duration.ofSeconds(1)));
            return;
        }
        A args;
        try {
            args = OwnerJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), call.argument());
            if (args == null) {
                throw GatewayException.invalid("the body must be a JSON object");
            }
        } catch (Exception e) {
            problem(ctx, unreadable(e));
            return;
        }
        Context context = Vertx.currentContext();
        CompletionStage<R> result;
        try {
            result = call.invoke(session, args);
        } catch (RuntimeException e) {
            answer(ctx, call, null, e);
            return;
        }
        // The adapter completes on its own threads; the answer is written on the request's context.
        result.whenComplete((value, failure) -> context.runOnContext(ignored -> answer(ctx, call, value, failure)));
    }

    private void answer(RoutingContext ctx, OwnerCall<?, ?> call, Object value, Throwable failure) {
        if (failure != null) {
            problem(ctx, gatewayException(call, failure));
        } else if (call.isVoid()) {
            ctx.response().setStatusCode(204).end();
        } else {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(OwnerJson.write(value)));
        }
    }

    private static GatewayException gatewayException(OwnerCall<?, ?> call, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof GatewayException g) {
            return g;
        }
        LOG.errorf(cause, "owner call %s failed unexpectedly", call);
        return new GatewayException(ErrorCode.INTERNAL, "the socket owner failed on " + call);
    }

    /** A record's own validation (an order without a price) says what is wrong; anything else names the parse error. */
    private static GatewayException unreadable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof GatewayException g) {
                return g;
            }
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return GatewayException.invalid("unreadable argument: " + (newline < 0 ? message : message.substring(0, newline)));
    }

    /** Failures before the handlers ran: an oversized body, or a malformed Bearer header refused by the HTTP security layer. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.failure() instanceof AuthenticationFailedException) {
            problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED, "the cluster's service credential is required"));
        } else if (ctx.statusCode() == 413) {
            problem(ctx, new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes"));
        } else {
            ctx.next();
        }
    }

    private static void problem(RoutingContext ctx, GatewayException e) {
        if (e.retryAfter() != null) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        ctx.response().setStatusCode(e.code().httpStatus()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(OwnerProblems.encode(e, ctx.request().path())));
    }
}
