package io.brokergate.sim.longport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.rest.LongPortEnvelope;
import io.brokergate.longport.rest.LongPortErrorCode;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.sim.engine.OrderRejectedException;
import io.brokergate.sim.server.PaperAccount;
import io.brokergate.sim.server.SimRuntime;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * LongPort's REST API under {@code /v1} (longport.md §1): authentication, the trade rate limit,
 * request counting, the {@code {code, message, data}} envelope and error mapping. The endpoints
 * themselves are in {@link TradeEndpoints} and {@link AccessEndpoints}.
 */
final class LongPortRestApi {

    private static final Logger LOG = Logger.getLogger(LongPortRestApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** Code for paths that do not exist (LongPort documents none). */
    static final int NOT_FOUND_CODE = 404001;

    /** An endpoint: produces the {@code data} of a successful envelope. */
    interface Endpoint {
        Future<?> handle(RestCall call);
    }

    private record Route(Endpoint endpoint, boolean tradeLimited) {
    }

    private final SimRuntime runtime;
    private final RestAuthenticator authenticator;
    private final TradeCallLimiter tradeLimiter;
    private final Map<String, Route> routes = new HashMap<>();
    private final ObjectMapper mapper = LongPortJson.mapper();

    LongPortRestApi(SimRuntime runtime, RestAuthenticator authenticator) {
        this.runtime = runtime;
        this.authenticator = authenticator;
        this.tradeLimiter = new TradeCallLimiter(runtime.settings().limits());
    }

    /** @param tradeLimited counts against LongPort's trade limit (30 per 30 s, 20 ms apart) */
    void add(String method, String path, boolean tradeLimited, Endpoint endpoint) {
        routes.put(method + " " + path, new Route(endpoint, tradeLimited));
    }

    void mount(Router router) {
        int limit = runtime.settings().limits().maxBodyBytes();
        router.route("/v1/*")
                .handler(BodyHandler.create(false).setBodyLimit(limit))
                .handler(this::handle)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        respond(ctx, 400, LongPortEnvelope.error(TradeErrorCode.INVALID_PARAMETER.code(),
                                "request body is larger than " + limit + " bytes"));
                    } else {
                        if (ctx.failure() != null) {
                            LOG.errorf(ctx.failure(), "REST %s %s failed", ctx.request().method(), ctx.request().path());
                        }
                        respond(ctx, 500, LongPortEnvelope.error(LongPortErrorCode.INTERNAL_ERROR));
                    }
                });
    }

    private void handle(RoutingContext ctx) {
        String key = ctx.request().method().name() + " " + ctx.request().path();
        Route route = routes.get(key);
        if (route == null) {
            respond(ctx, 404, LongPortEnvelope.error(NOT_FOUND_CODE, "no endpoint " + key));
            return;
        }
        try {
            PaperAccount account = authenticator.identify(ctx.request());
            runtime.counters().of(account.accountNo()).countRequest(key);
            byte[] body = bodyOf(ctx);
            authenticator.verify(account, ctx.request(), body, System.currentTimeMillis());
            if (route.tradeLimited()) {
                admitTradeCall(account);
            }
            route.endpoint().handle(new RestCall(account, ctx, body))
                    .onComplete(ar -> {
                        if (ar.succeeded()) {
                            Object data = ar.result();
                            respond(ctx, 200, data == null ? LongPortEnvelope.okEmpty() : LongPortEnvelope.ok(data));
                        } else {
                            fail(ctx, key, ar.cause());
                        }
                    });
        } catch (RuntimeException e) {
            fail(ctx, key, e);
        }
    }

    private void admitTradeCall(PaperAccount account) {
        switch (tradeLimiter.tryAdmit(account.accountNo(), System.nanoTime())) {
            case ADMITTED -> {
            }
            case WINDOW_FULL -> throw RestFailure.of(LongPortErrorCode.API_RATE_LIMITED, "at most "
                    + runtime.settings().limits().tradeCallsPerWindow() + " trade calls per "
                    + runtime.settings().limits().tradeWindow().toSeconds() + " s");
            case TOO_SOON -> throw RestFailure.of(LongPortErrorCode.API_RATE_LIMITED, "trade calls must be at least "
                    + runtime.settings().limits().tradeMinSpacing().toMillis() + " ms apart");
        }
    }

    private static byte[] bodyOf(RoutingContext ctx) {
        RequestBody body = ctx.body();
        Buffer b = body == null ? null : body.buffer();
        return b == null ? new byte[0] : b.getBytes();
    }

    /** Parses a JSON body into a DTO; anything but a well-formed object of the right shape is a 400. */
    static <T> T readBody(RestCall call, Class<T> type) {
        byte[] body = call.body();
        if (body.length == 0) {
            throw OrderWireMapping.invalid("a JSON request body is required");
        }
        try {
            T value = LongPortJson.mapper().readValue(body, type);
            if (value == null) {
                throw OrderWireMapping.invalid("the request body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw OrderWireMapping.invalid("malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw OrderWireMapping.invalid("unreadable JSON body");
        }
    }

    private void fail(RoutingContext ctx, String key, Throwable cause) {
        Throwable t = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (t instanceof RestFailure f) {
            respond(ctx, f.httpStatus(), LongPortEnvelope.error(f.code(), f.getMessage()));
        } else if (t instanceof OrderRejectedException r) {
            respond(ctx, 400, LongPortEnvelope.error(TradeErrorCode.of(r.reason()).code(), r.getMessage()));
        } else if (t instanceof GatewayException g && g.code() == ErrorCode.INVALID_REQUEST) {
            respond(ctx, 400, LongPortEnvelope.error(TradeErrorCode.INVALID_PARAMETER.code(), g.getMessage()));
        } else {
            LOG.errorf(t, "REST %s failed", key);
            respond(ctx, 500, LongPortEnvelope.error(LongPortErrorCode.INTERNAL_ERROR));
        }
    }

    /** Writes the envelope after the injected latency; a client that went away is not an error. */
    private void respond(RoutingContext ctx, int status, LongPortEnvelope<?> envelope) {
        Buffer bytes;
        try {
            bytes = Buffer.buffer(mapper.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "cannot serialise the reply to %s", ctx.request().path());
            bytes = Buffer.buffer(LongPortJson.write(LongPortEnvelope.error(LongPortErrorCode.INTERNAL_ERROR)));
            status = 500;
        }
        Buffer payload = bytes;
        int code = status;
        runtime.afterInjectedLatency(() -> {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                return;
            }
            response.setStatusCode(code)
                    .putHeader("Content-Type", JSON)
                    .putHeader("x-trace-id", RandomTokens.next(12))
                    .end(payload);
        });
    }
}
