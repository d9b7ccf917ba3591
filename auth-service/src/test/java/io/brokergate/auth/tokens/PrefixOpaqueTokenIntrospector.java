package io.brokergate.auth.tokens;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A stand-in for the API-key introspector: proves that {@link OpaqueTokenIntrospector} beans are
 * consulted. Answers only tokens starting with {@code bgtest_}, so it cannot disturb other tests.
 */
@ApplicationScoped
public class PrefixOpaqueTokenIntrospector implements OpaqueTokenIntrospector {

    public static final String ACTIVE = "bgtest_active";

    @Override
    public Optional<Introspection> introspect(String token) {
        if (!token.startsWith("bgtest_")) {
            return Optional.empty();
        }
        if (!token.equals(ACTIVE)) {
            return Optional.of(Introspection.inactive());
        }
        return Optional.of(new Introspection(true, "quotes:read", null, "key-1", "api_key", null, null, null, "brokergate",
                "tenant-of-test-key", java.util.List.of("*"), "API_KEY"));
    }
}
