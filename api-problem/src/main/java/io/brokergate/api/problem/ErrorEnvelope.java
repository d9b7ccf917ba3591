package io.brokergate.api.problem;

import io.brokergate.core.error.GatewayException;
import jakarta.ws.rs.core.Response;

/**
 * Another API's own error format for part of the URL space: {@link ProblemMappers} renders a
 * failure on a path an envelope {@link #handles handles} with it instead of problem+json. The
 * TradingView facade registers one for {@code /tv/} ({@code {"s":"error","errmsg":…}}), so that
 * framework failures there (unknown path, wrong method or content type, oversized body) reach
 * TradingView in the envelope it understands. Implement it as an {@code @ApplicationScoped} bean.
 */
public interface ErrorEnvelope {

    /** Whether this envelope owns failures on the request path (e.g. {@code path.startsWith("/tv/")}). */
    boolean handles(String path);

    /**
     * The response for a failure described as a problem: {@code status} is the HTTP status the native
     * API would answer (a taxonomy error's own, or the framework's), {@code detail} may be null.
     */
    Response render(Problem problem);

    /**
     * The response for a taxonomy error a resource threw ({@code problem} is its problem+json reading).
     * An API whose business errors differ from its framework failures (TradingView answers them with
     * HTTP 200) overrides this.
     */
    default Response render(GatewayException e, Problem problem) {
        return render(problem);
    }
}
