package io.brokergate.auth.admin;

import io.brokergate.auth.config.AuthConfig;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses admin request bodies over the configured size (default 64 KiB) before they are read:
 * no admin resource needs more, and a small bound keeps hostile payloads cheap. Bodies sent
 * without a length are bounded by {@code quarkus.http.limits.max-body-size} and then by the
 * per-field limits.
 */
public class AdminBodyLimit {

    static final String ADMIN_PATH = "/v1/admin";

    private final long maxBytes;

    public AdminBodyLimit(AuthConfig config) {
        this.maxBytes = config.admin().maxBodyBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith(ADMIN_PATH)) {
            return;
        }
        String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw GatewayException.invalid("Content-Length is not a number");
        }
        if (bytes > maxBytes) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "admin request bodies are limited to " + maxBytes + " bytes");
        }
    }
}
