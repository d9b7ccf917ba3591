package io.brokergate.api.tradingview;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failures the HTTP layer answers before any resource runs on {@code /tv/} in TradingView's
 * envelope, keeping their status; without this they leave with an empty body. A body declared
 * larger than {@code quarkus.http.limits.max-body-size} is refused here, just before the HTTP
 * layer would refuse it without a body; failures while routing or reading end in {@link #render}.
 * Failures inside resources are rendered by {@link TradingViewErrorEnvelope}.
 */
@ApplicationScoped
public class TradingViewFailureRoute {

    private final long maxBodyBytes;

    public TradingViewFailureRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                                   MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route(TradingViewPaths.ROOT + "/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::refuseOversized).failureHandler(this::render);
    }

    void refuseOversized(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.fail(413);
            return;
        }
        ctx.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Renders failures that carry an HTTP status. Others (an authentication failure, which the
     * security layer answers in this envelope itself, or an exception) go on to the framework.
     */
    void render(RoutingContext ctx) {
        int status = ctx.statusCode();
        boolean statusOnly = ctx.failure() == null || ctx.failure() instanceof HttpException;
        if (!statusOnly || status < 400 || ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Json.encode(TradingViewReplies.errorBody(message(status))));
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "the request could not be read";
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 413 -> "the request body is too large";
            case 414, 431 -> "the request line or headers are too large";
            case 415 -> "unsupported content type";
            default -> status >= 500 ? "internal error" : "the request was refused";
        };
    }
}
