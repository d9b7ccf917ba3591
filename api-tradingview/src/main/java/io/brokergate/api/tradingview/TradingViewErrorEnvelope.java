package io.brokergate.api.tradingview;

import io.brokergate.api.problem.ErrorEnvelope;
import io.brokergate.api.problem.Problem;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Failures on {@code /tv/} paths in TradingView's envelope instead of problem+json. A taxonomy
 * error a resource throws is a business error: HTTP 200 (401, 403, 500 for credentials and the
 * unexpected), as the Broker API wants. A framework failure (an unknown path, a wrong method or
 * content type, an oversized or unreadable body) keeps its HTTP status: TradingView still reads
 * {@code errmsg}, and the status tells an operator what happened.
 */
@ApplicationScoped
public class TradingViewErrorEnvelope implements ErrorEnvelope {

    @Override
    public boolean handles(String path) {
        return TradingViewPaths.isTradingView(path);
    }

    @Override
    public Response render(GatewayException e, Problem problem) {
        return TradingViewReplies.error(e);
    }

    @Override
    public Response render(Problem problem) {
        String message = problem.detail() != null ? problem.detail() : problem.title();
        return TradingViewReplies.error(problem.status(), message);
    }
}
