package io.brokergate.auth.tokens;

import java.util.Optional;

/**
 * Introspects one kind of opaque credential (e.g. API keys) for {@code POST /oauth/introspect}.
 * Every bean implementing it is asked in turn after auth-service's own token kinds.
 *
 * <p>Contract: return empty when the token is not of your format at all, so the next introspector
 * is asked; return {@link Introspection#inactive()} when it is yours but unknown, expired or
 * revoked; otherwise an active answer. Called on a worker thread, so blocking is allowed; must
 * not throw for malformed input.
 */
public interface OpaqueTokenIntrospector {

    Optional<Introspection> introspect(String token);
}
