package io.brokergate.api.security.probe;

import io.brokergate.api.security.SecurityFailure;
import io.brokergate.api.security.SecurityFailureRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** How the TradingView facade plugs its error envelope into api-security's 401/403. */
@ApplicationScoped
public class TradingViewRenderer implements SecurityFailureRenderer {

    @Override
    public boolean handles(String path) {
        return path.startsWith("/tv/");
    }

    @Override
    public Response render(SecurityFailure failure, String path) {
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("s", "error", "errmsg", failure.detail())).build();
    }
}
