package io.brokergate.api.security.tradingview;

import io.brokergate.api.security.SecurityFailure;
import io.brokergate.api.security.SecurityFailureRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * TradingView's Broker API expects its own envelope on every {@code /tv/} path, authentication
 * failures included: {@code {"s":"error","errmsg":"…"}} with HTTP 401 (or 403). Whichever service
 * serves a {@code /tv/} resource gets this from api-security.
 */
@ApplicationScoped
public class TradingViewFailureRenderer implements SecurityFailureRenderer {

    @Override
    public boolean handles(String path) {
        return path != null && (path.startsWith("/tv/") || path.equals("/tv"));
    }

    @Override
    public Response render(SecurityFailure failure, String path) {
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("s", "error", "errmsg", failure.detail())).build();
    }
}
