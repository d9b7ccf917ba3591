package io.brokergate.api.security.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeAuthServer} and points a service's cluster-mode security settings at it,
 * so tests exercise the real {@code JwksVerificationKeys} and {@code IntrospectionApiKeyResolver}.
 */
public final class FakeAuthServerResource implements QuarkusTestResourceLifecycleManager {

    private FakeAuthServer server;

    @Override
    public Map<String, String> start() {
        server = FakeAuthServer.start();
        return Map.of(
                "brokergate.security.issuer", TestTokens.ISSUER,
                "brokergate.security.jwks-url", server.baseUrl() + "/oauth/jwks",
                "brokergate.security.introspection-url", server.baseUrl() + "/oauth/introspect",
                "brokergate.security.introspection-secret", FakeAuthServer.INTROSPECTION_SECRET);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectFakeAuthServer.class, FakeAuthServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
