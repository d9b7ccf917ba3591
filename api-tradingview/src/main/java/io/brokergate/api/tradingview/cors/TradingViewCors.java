package io.brokergate.api.tradingview.cors;

import io.brokergate.api.tradingview.TradingViewPaths;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CORS on {@code /tv/**}, where TradingView's web app calls the broker from the user's browser:
 * an allowed origin is echoed on every answer, whatever its status (401s included, or the browser
 * would hide the error from TradingView), and preflights are answered here, before authentication.
 * A refused origin gets no CORS headers (its preflight a 403), so the browser keeps the answer
 * from it. Scoped to {@code /tv}: the native API keeps its own policy (none: same origin only).
 * Bearer tokens, not cookies, authenticate, so credentials are never allowed.
 */
@ApplicationScoped
public class TradingViewCors {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    /** Header names a preflight may ask for; longer lists are not echoed. */
    private static final int MAX_REQUEST_HEADERS_LENGTH = 512;

    private final CorsSettings settings;
    private final AllowedOrigins origins;

    public TradingViewCors(CorsSettings settings) {
        this.settings = settings;
        this.origins = new AllowedOrigins(settings.origins());
    }

    void register(@Observes Router router) {
        if (settings.enabled()) {
            router.route(TradingViewPaths.ROOT + "/*").order(RouteConstants.ROUTE_ORDER_CORS_MANAGEMENT).handler(this::handle);
        }
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        HttpServerResponse response = ctx.response();
        if (origin == null) {
            ctx.next();
            return;
        }
        boolean allowed = origins.allows(origin);
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            preflight(request, response, origin, allowed);
            return;
        }
        if (allowed) {
            // Added when the headers leave, so that whatever answers (a resource, a security failure, the
            // framework's 404 or 413) keeps them.
            ctx.addHeadersEndHandler(v -> allowOrigin(response, origin));
        } else {
            ctx.addHeadersEndHandler(v -> response.headers().add(HttpHeaders.VARY, "Origin"));
        }
        ctx.next();
    }

    private void preflight(HttpServerRequest request, HttpServerResponse response, String origin, boolean allowed) {
        if (!allowed) {
            response.setStatusCode(403).putHeader(HttpHeaders.VARY, "Origin").end();
            return;
        }
        allowOrigin(response, origin);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, String.valueOf(settings.maxAge().toSeconds()));
        String asked = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (asked != null && asked.length() <= MAX_REQUEST_HEADERS_LENGTH && isHeaderList(asked)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, asked);
        }
        response.setStatusCode(204).end();
    }

    private static void allowOrigin(HttpServerResponse response, String origin) {
        response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).add(HttpHeaders.VARY, "Origin");
    }

    /** Header names (RFC 9110 tokens) separated by commas and blanks: nothing else is echoed back. */
    static boolean isHeaderList(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == ',' || c == ' ';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
