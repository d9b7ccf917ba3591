package io.brokergate.api.security.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cluster mode against a real HTTP introspection endpoint, with a hand-driven clock for the cache TTL. */
class IntrospectionApiKeyResolverTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final String KEY = "bgk_k1_s3cr3t";

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private Vertx vertx;
    private FakeAuthServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        server = FakeAuthServer.start();
        server.apiKey(KEY, new JsonObject().put("active", true).put("sub", "key-1").put("tenant", "t1")
                .put("scope", "trade accounts:read").put("accts", new JsonArray().add("acc-1")).put("client_id", "bot")
                .put("exp", 4_102_444_800L));
        server.apiKey("bgk_revoked", new JsonObject().put("active", false));
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private IntrospectionApiKeyResolver resolver(String secret) {
        return new IntrospectionApiKeyResolver(IntrospectionApiKeyResolver.httpIntrospector(vertx, Duration.ofSeconds(30),
                server.baseUrl() + "/oauth/introspect", FakeAuthServer.INTROSPECTION_CLIENT, secret), TTL, 32, clock::get);
    }

    private static Optional<Caller> resolve(IntrospectionApiKeyResolver r, String key) {
        return r.resolve(key).await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void anActiveKeyBecomesItsCallerAndIsCachedForTheTtl() {
        IntrospectionApiKeyResolver r = resolver(FakeAuthServer.INTROSPECTION_SECRET);
        Caller c = resolve(r, KEY).orElseThrow();
        assertEquals(new Caller("key-1", "t1", Set.of("trade", "accounts:read"), AccountGrant.of(Set.of("acc-1")),
                CredentialKind.API_KEY, "bot", Instant.ofEpochSecond(4_102_444_800L)), c);
        resolve(r, KEY);
        clock.addAndGet(TTL.minusSeconds(1).toNanos());
        resolve(r, KEY);
        assertEquals(1, server.introspections());
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        resolve(r, KEY);
        assertEquals(2, server.introspections(), "asked again once the TTL is over");
    }

    @Test
    void revokedAndUnknownKeysAreEmptyAndThatIsCachedToo() {
        IntrospectionApiKeyResolver r = resolver(FakeAuthServer.INTROSPECTION_SECRET);
        assertTrue(resolve(r, "bgk_revoked").isEmpty());
        assertTrue(resolve(r, "bgk_unknown").isEmpty());
        assertTrue(resolve(r, "bgk_revoked").isEmpty());
        assertTrue(resolve(r, "bgk_unknown").isEmpty());
        assertEquals(2, server.introspections());
        assertTrue(resolve(r, "bgk_" + "x".repeat(600)).isEmpty(), "absurd keys are not sent");
        assertEquals(2, server.introspections());
    }

    @Test
    void concurrentLookupsOfOneKeyShareOneCall() {
        IntrospectionApiKeyResolver r = resolver(FakeAuthServer.INTROSPECTION_SECRET);
        List<Uni<Optional<Caller>>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(r.resolve(KEY));
        }
        // Generous deadline: this asserts that lookups share one call, not how fast it is on a busy machine.
        pending.forEach(p -> assertTrue(p.await().atMost(Duration.ofSeconds(30)).isPresent()));
        assertEquals(1, server.introspections());
    }

    @Test
    void aWrongSecretOrAnOutageIsNotCachedAndNotTheCallersFault() {
        IntrospectionApiKeyResolver wrong = resolver("wrong-secret");
        for (int i = 0; i < 2; i++) {
            InvalidCredentialException e = assertThrows(InvalidCredentialException.class, () -> resolve(wrong, KEY));
            assertEquals(CredentialFailure.VERIFIER_UNAVAILABLE, e.failure());
        }
        assertEquals(2, server.introspections(), "failures are not cached");

        IntrospectionApiKeyResolver r = resolver(FakeAuthServer.INTROSPECTION_SECRET);
        server.down(true);
        assertEquals(CredentialFailure.VERIFIER_UNAVAILABLE,
                assertThrows(InvalidCredentialException.class, () -> resolve(r, KEY)).failure());
        server.down(false);
        assertTrue(resolve(r, KEY).isPresent());
    }

    @Test
    void withoutASecretApiKeysCannotBeChecked() {
        assertEquals(CredentialFailure.VERIFIER_UNAVAILABLE,
                assertThrows(InvalidCredentialException.class, () -> resolve(resolver(null), KEY)).failure());
        assertEquals(0, server.introspections());
    }

    @Test
    void tooManyCallsInFlightFailFastInsteadOfQueueing() {
        CompletableFuture<Optional<Caller>> never = new CompletableFuture<>();
        IntrospectionApiKeyResolver r = new IntrospectionApiKeyResolver(key -> never, TTL, 2, clock::get);
        r.resolve("bgk_a").subscribe().with(x -> { }, x -> { });
        r.resolve("bgk_b").subscribe().with(x -> { }, x -> { });
        assertEquals(CredentialFailure.VERIFIER_UNAVAILABLE,
                assertThrows(InvalidCredentialException.class, () -> resolve(r, "bgk_c")).failure());
    }
}
