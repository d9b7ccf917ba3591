package io.brokergate.api.security;

import jakarta.ws.rs.core.Response;

/**
 * Renders the body of 401/403 responses for a part of the URL space whose clients expect another
 * format than problem+json; the TradingView facade registers one for {@code /tv/} answering
 * {@code {"s":"error","errmsg":…}}. Implement it as an {@code @ApplicationScoped} bean. The
 * status and the {@code WWW-Authenticate} challenge are set by api-security whatever the
 * renderer returns; without a matching renderer the body is RFC 9457 problem+json.
 */
public interface SecurityFailureRenderer {

    /** Whether this renderer owns responses for the request path (e.g. {@code path.startsWith("/tv/")}). */
    boolean handles(String path);

    /** The response body and its media type; status and challenge headers are overwritten. */
    Response render(SecurityFailure failure, String path);
}
