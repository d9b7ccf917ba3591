package io.brokergate.auth.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.tokens.Introspection;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyVerifierTest {

    @Inject
    ApiKeys keys;
    @Inject
    ApiKeyVerifier verifier;
    @Inject
    ApiKeyStore store;
    @Inject
    ApiKeyIntrospector introspector;
    @Inject
    TenantStore tenants;
    @Inject
    AgroalDataSource db;
    @Inject
    Vertx vertx;

    private Caller admin;

    @BeforeEach
    void tenantWithAdmin() {
        String tenantId = tenants.create("keys-" + UUID.randomUUID()).id();
        admin = new Caller("admin-user", tenantId, Set.of("admin", "trade", "quotes:read"), AccountGrant.ALL,
                CredentialKind.USER, null, Instant.now().plusSeconds(600));
    }

    @Test
    void aCreatedKeyResolvesToItsCallerAndOnlyItsHashIsStored() throws Exception {
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), "127.0.0.1");
        Caller c = verifier.resolve(created.plaintext()).await().atMost(Duration.ofSeconds(30)).orElseThrow();
        assertEquals(created.key().id(), c.subject());
        assertEquals(admin.tenantId(), c.tenantId());
        assertEquals(Set.of("trade"), c.scopes());
        assertTrue(c.accounts().all());
        assertEquals(CredentialKind.API_KEY, c.kind());
        String secret = created.plaintext().substring(created.plaintext().lastIndexOf('_') + 1);
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement("SELECT * FROM api_keys WHERE id = ?")) {
            ps.setString(1, created.key().id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(secret), "secret stored in column " + rs.getMetaData().getColumnName(i));
                }
                assertEquals(ApiKeyFormat.sha256Hex(secret), rs.getString("secret_sha256"));
            }
        }
        assertTrue(keys.create(admin, new NewApiKey("n", Set.of("trade"), Set.of("*"), null), null).key().expiresAt()
                .isAfter(Instant.now().plus(Duration.ofDays(364))), "default lifetime is the maximum, 365 days");
    }

    @Test
    void wrongSecretsUnknownIdsAndMalformedKeysResolveToNobody() {
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        String id = created.key().id();
        assertTrue(resolve(ApiKeyFormat.format(id, ApiKeyFormat.newSecret())).isEmpty());
        assertTrue(resolve(ApiKeyFormat.format(ApiKeyFormat.newId(), ApiKeyFormat.newSecret())).isEmpty());
        assertTrue(resolve("bgk_nonsense").isEmpty());
        assertTrue(resolve("eyJhbGciOiJub25lIn0.e30.").isEmpty());
        assertTrue(resolve(created.plaintext()).isPresent());
    }

    @Test
    void revocationHereTakesEffectAtOnce() {
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        assertTrue(resolve(created.plaintext()).isPresent());
        keys.revoke(admin, created.key().id(), null);
        assertTrue(resolve(created.plaintext()).isEmpty());
        assertThrows(GatewayException.class, () -> keys.revoke(
                new Caller("x", "other-tenant", Set.of("admin"), AccountGrant.ALL, CredentialKind.USER, null, null),
                created.key().id(), null), "another tenant's key is not found");
    }

    @Test
    void revocationElsewhereTakesEffectWithinTheCacheTtl() throws Exception {
        AtomicLong nanos = new AtomicLong();
        ApiKeyVerifier other = new ApiKeyVerifier(store, Duration.ofSeconds(30), 100, Duration.ofSeconds(60),
                Clock.systemUTC(), nanos::get);
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        assertTrue(other.verify(created.plaintext()).isPresent());
        keys.revoke(admin, created.key().id(), null); // on "this" instance: `other` has not heard of it
        assertTrue(other.verify(created.plaintext()).isPresent(), "still cached on the other instance");
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertTrue(other.verify(created.plaintext()).isEmpty(), "gone once the TTL has passed");
    }

    @Test
    void expiredKeysAreRefusedEvenFromTheCache() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        ApiKeyVerifier v = new ApiKeyVerifier(store, Duration.ofMinutes(10), 100, Duration.ofSeconds(60), clock, System::nanoTime);
        CreatedApiKey created = keys.create(admin, new NewApiKey("short", Set.of("trade"), Set.of("*"),
                Instant.now().plus(Duration.ofMinutes(5))), null);
        assertTrue(v.verify(created.plaintext()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertTrue(v.verify(created.plaintext()).isEmpty());
    }

    @Test
    void lastUseIsWrittenAtMostOncePerResolution() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        ApiKeyVerifier v = new ApiKeyVerifier(store, Duration.ZERO, 100, Duration.ofSeconds(60), clock, System::nanoTime);
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        String id = created.key().id();
        assertNull(lastUsed(id));
        v.verify(created.plaintext());
        Instant first = lastUsed(id);
        assertNotNull(first);
        clock.now = clock.now.plusSeconds(30);
        v.verify(created.plaintext());
        assertEquals(first, lastUsed(id), "not rewritten within a minute");
        clock.now = clock.now.plusSeconds(31);
        v.verify(created.plaintext());
        assertTrue(lastUsed(id).isAfter(first));
    }

    @Test
    void resolvingFromAnEventLoopReadsTheDatabaseOnAWorker() throws Exception {
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade"), Set.of("*"), null), null);
        CompletableFuture<Boolean> emittedOnEventLoop = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(x -> verifier.resolve(created.plaintext()).subscribe().with(
                c -> emittedOnEventLoop.complete(Context.isOnEventLoopThread()), emittedOnEventLoop::completeExceptionally));
        assertFalse(emittedOnEventLoop.get(5, TimeUnit.SECONDS), "the uncached lookup must run on a worker thread");
    }

    @Test
    void introspectionAnswersForApiKeysOnly() {
        CreatedApiKey created = keys.create(admin, new NewApiKey("bot", Set.of("trade", "quotes:read"), Set.of("*"), null), null);
        Introspection active = introspector.introspect(created.plaintext()).orElseThrow();
        assertTrue(active.active());
        assertEquals("quotes:read trade", active.scope());
        assertEquals(admin.tenantId(), active.tenant());
        assertEquals(created.key().id(), active.subject());
        assertEquals("api_key", active.tokenType());
        assertFalse(introspector.introspect(ApiKeyFormat.format(created.key().id(), ApiKeyFormat.newSecret()))
                .orElseThrow().active());
        assertTrue(introspector.introspect("eyJhbGciOiJSUzI1NiJ9.e30.sig").isEmpty(), "not an api key: the next introspector answers");
    }

    @Test
    void keysCannotExceedTheirCreator() {
        GatewayException e = assertThrows(GatewayException.class,
                () -> keys.create(admin, new NewApiKey("x", Set.of("platform"), Set.of("*"), null), null));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        Caller limited = new Caller("u", admin.tenantId(), Set.of("trade"), AccountGrant.of(Set.of("acc-1")),
                CredentialKind.USER, null, null);
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(GatewayException.class,
                () -> keys.create(limited, new NewApiKey("x", Set.of("trade"), Set.of("*"), null), null)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(GatewayException.class,
                () -> keys.create(admin, new NewApiKey("x", Set.of("trade"), Set.of("no-such-account"), null), null)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(GatewayException.class,
                () -> keys.create(admin, new NewApiKey("x", Set.of("trade"), Set.of("*"), Instant.now().plus(Duration.ofDays(400))), null)).code());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(GatewayException.class,
                () -> keys.create(admin, new NewApiKey("x", Set.of("trade"), Set.of("*"), Instant.now().minusSeconds(1)), null)).code());
    }

    private Optional<Caller> resolve(String key) {
        return verifier.resolve(key).await().atMost(Duration.ofSeconds(30));
    }

    private Instant lastUsed(String id) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT last_used_at FROM api_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
