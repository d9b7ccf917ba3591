package io.brokergate.auth.apikeys;

import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tokens.Introspection;
import io.brokergate.auth.tokens.OpaqueTokenIntrospector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * RFC 7662 introspection of API keys for {@code POST /oauth/introspect}: empty when the token is
 * not an API key at all (so the next introspector is asked), {@code {"active":false}} for an
 * unknown, expired or revoked key, otherwise the key's caller. Blocking: called on a worker thread.
 */
@ApplicationScoped
public class ApiKeyIntrospector implements OpaqueTokenIntrospector {

    public static final String TOKEN_TYPE = "api_key";

    private final ApiKeyVerifier verifier;
    private final String issuer;

    public ApiKeyIntrospector(ApiKeyVerifier verifier, AuthConfig config) {
        this.verifier = verifier;
        this.issuer = config.issuer();
    }

    @Override
    public Optional<Introspection> introspect(String token) {
        if (!ApiKeyFormat.looksLikeApiKey(token)) {
            return Optional.empty();
        }
        return Optional.of(verifier.verify(token)
                .map(v -> Introspection.of(v.caller(), v.issuedAt(), TOKEN_TYPE, issuer))
                .orElseGet(Introspection::inactive));
    }
}
