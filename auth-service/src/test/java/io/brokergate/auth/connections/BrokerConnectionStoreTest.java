package io.brokergate.auth.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrokerConnectionStoreTest {

    @Inject
    TenantStore tenants;
    @Inject
    UserStore users;
    @Inject
    BrokerConnectionStore connections;
    @Inject
    CredentialCipher cipher;
    @Inject
    AgroalDataSource db;

    @Test
    void credentialsAreEncryptedAtRestAndDecryptForTheAdapter() throws Exception {
        String tenantId = tenants.create("t-" + UUID.randomUUID()).id();
        BrokerConnection bc = connections.create(tenantId, BrokerId.LONGPORT, "main",
                Map.of("app_secret", "s3cr3t-value", "app_key", "k"), Map.of("http", "http://127.0.0.1:8081"));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT credentials FROM broker_connections WHERE id = '" + bc.id() + "'")) {
            assertTrue(rs.next());
            assertFalse(rs.getString(1).contains("s3cr3t-value"), "stored in clear text");
        }
        BrokerCredentials creds = connections.credentials(bc.id()).orElseThrow();
        assertEquals("s3cr3t-value", creds.require("app_secret"));
        assertEquals("http://127.0.0.1:8081", creds.endpoint("http", null));
        assertFalse(creds.toString().contains("s3cr3t"), "toString must not leak secrets");

        connections.rotateCredentials(bc.id(), Map.of("app_secret", "rotated", "app_key", "k"));
        assertEquals("rotated", connections.credentials(bc.id()).orElseThrow().require("app_secret"));
    }

    @Test
    void aCiphertextCannotBeMovedToAnotherConnection() {
        String ct = cipher.encrypt("{\"a\":1}", "connection-1");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(ct, "connection-2"));
    }

    @Test
    void usersVerifyAgainstTheirStoredHash() {
        String tenantId = tenants.create("u-" + UUID.randomUUID()).id();
        String login = "alice-" + UUID.randomUUID();
        users.create(tenantId, login, "pw-123456", Set.of("trade", "quotes:read"));
        var stored = users.findByLogin(login).orElseThrow();
        assertEquals(Set.of("trade", "quotes:read"), stored.scopes());
        assertFalse(stored.passwordHash().contains("pw-123456"));
    }
}
