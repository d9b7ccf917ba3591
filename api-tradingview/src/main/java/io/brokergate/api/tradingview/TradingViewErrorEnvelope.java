package io.brokergate.api.tradingview;

import io.brokergate.api.problem.ErrorEnvelope;
import io.brokergate.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Failures the facade's own resources do not answer themselves on {@code /tv/} paths (an unknown
 * path, a wrong method or content type, an oversized or unreadable body, the unexpected) in
 * TradingView's envelope instead of problem+json, keeping the HTTP status: TradingView reads
 * {@code errmsg}, and the status still tells an operator what happened.
 */
@ApplicationScoped
public class TradingViewErrorEnvelope implements ErrorEnvelope {

    @Override
    public boolean handles(String path) {
        return TradingViewPaths.isTradingView(path);
    }

    @Override
    public Response render(Problem problem) {
        String message = problem.detail() != null ? problem.detail() : problem.title();
        return TradingViewReplies.error(problem.status(), message);
    }
}
