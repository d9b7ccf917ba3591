package io.brokergate.auth.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.cluster.IntrospectionApiKeyResolver;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tenants.TenantStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cluster path: another service resolves an API key through auth-service's RFC 7662 endpoint
 * (api-security's HTTP introspector), which asks {@link ApiKeyIntrospector}.
 */
@QuarkusTest
class ApiKeyClusterIntrospectionTest {

    @Inject
    ApiKeys keys;
    @Inject
    TenantStore tenants;
    @Inject
    AuthConfig config;
    @Inject
    Vertx vertx;
    @TestHTTPResource("/oauth/introspect")
    URL introspect;

    @Test
    void anotherServiceResolvesKeysThroughIntrospection() throws Exception {
        String tenantId = tenants.create("cluster-" + UUID.randomUUID()).id();
        Caller admin = new Caller("admin", tenantId, Set.of("admin", "trade"), AccountGrant.ALL, CredentialKind.USER, null,
                Instant.now().plusSeconds(600));
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        var remote = IntrospectionApiKeyResolver.httpIntrospector(vertx, Duration.ofSeconds(5), introspect.toString(),
                config.introspectionClientId(), config.introspectionSecret().orElseThrow());

        Caller resolved = remote.introspect(created.plaintext()).toCompletableFuture().get().orElseThrow();
        assertEquals(created.key().id(), resolved.subject());
        assertEquals(tenantId, resolved.tenantId());
        assertEquals(Set.of("trade"), resolved.scopes());
        assertEquals(CredentialKind.API_KEY, resolved.kind());
        assertTrue(resolved.accounts().all());

        keys.revoke(admin, created.key().id(), null);
        Optional<Caller> revoked = remote.introspect(created.plaintext()).toCompletableFuture().get();
        assertTrue(revoked.isEmpty(), "revoked keys introspect as inactive");
        assertTrue(remote.introspect(ApiKeyFormat.format(ApiKeyFormat.newId(), ApiKeyFormat.newSecret()))
                .toCompletableFuture().get().isEmpty());
    }
}
