package io.brokergate.auth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.connections.CredentialCipher;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.PasswordHasher;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.account.Tenant;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** auth-service's stores on PostgreSQL: the behaviours the H2 tests check, and the constraints behind them. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@RequiresPostgres
class PostgresStoresTest {

    @Inject
    TenantStore tenants;
    @Inject
    UserStore users;
    @Inject
    PasswordHasher hasher;
    @Inject
    BrokerConnectionStore connections;
    @Inject
    CredentialCipher cipher;
    @Inject
    AccountStore accounts;
    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource db;

    @Test
    void tenantsAreCreatedFoundAndUniqueByName() {
        String name = "t-" + UUID.randomUUID();
        Tenant t = tenants.create(name);
        assertEquals(t.id(), tenants.findByName(name).orElseThrow().id());
        Tenant byId = tenants.findById(t.id()).orElseThrow();
        assertEquals(name, byId.name());
        assertTrue(Duration.between(t.createdAt(), byId.createdAt()).abs().toMillis() < 1, "created_at round trip");
        assertTrue(tenants.list().stream().anyMatch(x -> x.id().equals(t.id())));
        assertTrue(tenants.findByName("absent-" + UUID.randomUUID()).isEmpty());
        assertThrows(StoreException.class, () -> tenants.create(name), "uq_tenants_name");
    }

    @Test
    void usersVerifyAgainstTheirArgon2idHash() {
        String tenantId = tenants.create("u-" + UUID.randomUUID()).id();
        String login = "alice-" + UUID.randomUUID();
        users.create(tenantId, login, "pw-123456", Set.of("trade", "quotes:read"));
        User stored = users.findByLogin(login).orElseThrow();
        assertEquals(tenantId, stored.tenantId());
        assertEquals(Set.of("trade", "quotes:read"), stored.scopes());
        assertFalse(stored.disabled());
        assertTrue(stored.passwordHash().startsWith("$argon2id$v=19$"), stored.passwordHash());
        assertFalse(stored.passwordHash().contains("pw-123456"));
        assertTrue(hasher.verify("pw-123456", stored.passwordHash()));
        assertFalse(hasher.verify("pw-1234567", stored.passwordHash()));

        users.setPassword(stored.id(), "new-pw-654321");
        String rehashed = users.findByLogin(login).orElseThrow().passwordHash();
        assertTrue(hasher.verify("new-pw-654321", rehashed));
        assertFalse(hasher.verify("pw-123456", rehashed));
        assertTrue(users.findByLogin("nobody-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void loginsAreUniqueAcrossTenantsAndUsersNeedATenant() {
        String login = "bob-" + UUID.randomUUID();
        users.create(tenants.create("a-" + UUID.randomUUID()).id(), login, "pw", Set.of("trade"));
        String otherTenant = tenants.create("b-" + UUID.randomUUID()).id();
        assertThrows(StoreException.class, () -> users.create(otherTenant, login, "pw", Set.of("trade")), "uq_users_login");
        assertThrows(StoreException.class, () -> users.create(UUID.randomUUID().toString(), "carol-" + UUID.randomUUID(), "pw", Set.of()),
                "users.tenant_id references tenants");
    }

    @Test
    void credentialsAreEncryptedAtRestDecryptForTheAdapterAndRotate() throws Exception {
        String tenantId = tenants.create("c-" + UUID.randomUUID()).id();
        BrokerConnection bc = connections.create(tenantId, BrokerId.LONGPORT, "main",
                Map.of("app_secret", "s3cr3t-value", "app_key", "k"), Map.of("http", "http://127.0.0.1:8081"));
        String[] atRest = storedCredentials(bc.id());
        assertFalse(atRest[0].contains("s3cr3t-value"), "stored in clear text");
        assertEquals(cipher.keyId(), atRest[1]);

        BrokerCredentials creds = connections.credentials(bc.id()).orElseThrow();
        assertEquals(BrokerId.LONGPORT, creds.broker());
        assertEquals("s3cr3t-value", creds.require("app_secret"));
        assertEquals("http://127.0.0.1:8081", creds.endpoint("http", null));
        assertFalse(creds.toString().contains("s3cr3t"), "toString must not leak secrets");

        connections.rotateCredentials(bc.id(), Map.of("app_secret", "rotated", "app_key", "k"));
        assertEquals("rotated", connections.credentials(bc.id()).orElseThrow().require("app_secret"));
        String[] rotated = storedCredentials(bc.id());
        assertNotEquals(atRest[0], rotated[0]);
        assertFalse(rotated[0].contains("rotated"));

        List<BrokerConnection> listed = connections.listByTenant(tenantId);
        assertEquals(1, listed.size());
        assertEquals(Map.of("http", "http://127.0.0.1:8081"), listed.get(0).endpoints());
        assertEquals(BrokerId.LONGPORT, listed.get(0).broker());
        assertTrue(connections.listAll().stream().anyMatch(x -> x.id().equals(bc.id())));
        assertTrue(connections.credentials(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherConnection() throws Exception {
        String tenantId = tenants.create("m-" + UUID.randomUUID()).id();
        BrokerConnection a = connections.create(tenantId, BrokerId.PAPER, "a", Map.of("k", "secret-a"), Map.of());
        BrokerConnection b = connections.create(tenantId, BrokerId.PAPER, "b", Map.of("k", "secret-b"), Map.of());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE broker_connections SET credentials = ? WHERE id = ?")) {
            ps.setString(1, storedCredentials(a.id())[0]);
            ps.setString(2, b.id());
            assertEquals(1, ps.executeUpdate());
        }
        assertThrows(IllegalStateException.class, () -> connections.credentials(b.id()));
        assertEquals("secret-a", connections.credentials(a.id()).orElseThrow().require("k"));
    }

    @Test
    void accountsAreListedPerTenantAndUniquePerConnection() {
        String tenantId = tenants.create("acc-" + UUID.randomUUID()).id();
        String otherTenant = tenants.create("acc2-" + UUID.randomUUID()).id();
        BrokerConnection bc = connections.create(tenantId, BrokerId.PAPER, "paper", Map.of("k", "v"), Map.of());
        Account live = accounts.create(tenantId, bc.id(), BrokerId.PAPER, "P-1", "Main", "HKD", AccountKind.LIVE);
        Account paper = accounts.create(tenantId, bc.id(), BrokerId.PAPER, "P-2", "Sandbox", "USD", AccountKind.PAPER);
        assertEquals(Set.of(live, paper), Set.copyOf(accounts.listByTenant(tenantId)), "all fields round trip");
        assertTrue(accounts.listByTenant(otherTenant).isEmpty());
        assertTrue(accounts.listAll().containsAll(List.of(live, paper)));
        assertThrows(StoreException.class,
                () -> accounts.create(tenantId, bc.id(), BrokerId.PAPER, "P-1", "Again", "HKD", AccountKind.LIVE), "uq_accounts_broker_no");
        assertThrows(StoreException.class,
                () -> accounts.create(tenantId, UUID.randomUUID().toString(), BrokerId.PAPER, "P-9", "x", "HKD", AccountKind.LIVE),
                "accounts.connection_id references broker_connections");
    }

    @Test
    void theAuditLogListsATenantsEntriesNewestFirst() {
        String tenantId = tenants.create("audit-" + UUID.randomUUID()).id();
        Instant before = Instant.now().minusSeconds(1);
        audit.record(tenantId, "alice", "login", AuditLog.Outcome.SUCCESS, null, "127.0.0.1");
        audit.record(tenantId, "alice", "token.issue", AuditLog.Outcome.SUCCESS, "x".repeat(5000), null);
        audit.record(tenantId, "mallory", "login", AuditLog.Outcome.FAILURE, "bad password", "10.0.0.9");
        audit.record(null, "unknown-user", "login", AuditLog.Outcome.DENIED, null, "10.0.0.9");

        List<AuditLog.Entry> all = audit.recent(tenantId, 10);
        assertEquals(3, all.size());
        assertEquals(List.of("login", "token.issue", "login"), all.stream().map(AuditLog.Entry::action).toList());
        assertEquals(List.of("mallory", "alice", "alice"), all.stream().map(AuditLog.Entry::actor).toList());
        assertEquals(AuditLog.Outcome.FAILURE, all.get(0).outcome());
        assertEquals("10.0.0.9", all.get(0).source());
        assertTrue(all.get(0).id() > all.get(1).id() && all.get(1).id() > all.get(2).id(), "identity ids increase");
        assertEquals(1000, all.get(1).detail().length(), "detail truncated to the column");
        assertTrue(all.stream().allMatch(e -> e.at().isAfter(before) && tenantId.equals(e.tenantId())));
        assertEquals(2, audit.recent(tenantId, 2).size());
    }

    private String[] storedCredentials(String connectionId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT credentials, credentials_key_id FROM broker_connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row " + connectionId);
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }
}
