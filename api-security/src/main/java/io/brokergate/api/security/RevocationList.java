package io.brokergate.api.security;

/**
 * Access tokens revoked before their expiry (logout, RFC 7009), by {@code jti}. Answers from
 * memory and never blocks: it runs on the event loop for every verified token.
 *
 * <p>Inside auth-service and all-in-one the list is auth-service's own, so a logout takes effect
 * at once. A standalone service in a cluster has {@link #NONE}: it verifies tokens locally and a
 * revoked token works until it expires (15 minutes by default); endpoints that must honour
 * revocation immediately introspect instead.
 */
@FunctionalInterface
public interface RevocationList {

    RevocationList NONE = jti -> false;

    boolean isRevoked(String jti);
}
