package io.brokergate.auth.admin;

import static io.brokergate.auth.admin.AdminApiTestSupport.admin;
import static io.brokergate.auth.admin.AdminApiTestSupport.post;
import static io.brokergate.auth.admin.AdminApiTestSupport.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.core.spi.BrokerCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broker connections: credentials in, never out; rotation re-encrypts; accounts; tenant isolation. */
@QuarkusTest
class AdminConnectionsTest {

    private static final String SECRET = "app-secret-" + UUID.randomUUID();
    private static final String TOKEN = "access-token-" + UUID.randomUUID();

    @Inject
    TenantStore tenants;
    @Inject
    BrokerConnectionStore store;
    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource db;

    private String a;
    private String b;

    @BeforeEach
    void twoTenants() {
        a = tenants.create("ca-" + UUID.randomUUID()).id();
        b = tenants.create("cb-" + UUID.randomUUID()).id();
    }

    @Test
    void credentialsAreAcceptedEncryptedAndNeverReturned() throws Exception {
        String id = createLongPort(a).statusCode(201)
                .body("broker", is("longport"))
                .body("credential_keys", is(List.of("access_token", "app_key", "app_secret")))
                .body("endpoints.http", is("http://127.0.0.1:9"))
                .body(not(containsString(SECRET))).body(not(containsString(TOKEN)))
                .extract().path("id");
        admin(a).get("/v1/admin/connections").then().statusCode(200).body("id", hasItem(id))
                .body(not(containsString(SECRET))).body(not(containsString(TOKEN)));
        admin(a).get("/v1/admin/connections/" + id).then().statusCode(200).body("access_token_expires_at", notNullValue());
        String stored = ciphertext(id);
        assertFalse(stored.contains(SECRET) || stored.contains(TOKEN));
        assertEquals(SECRET, store.credentials(id).orElseThrow().require("app_secret"));
        assertAuditClean(a);
    }

    @Test
    void rotationReEncryptsTheNewCredentials() throws Exception {
        String id = createLongPort(a).statusCode(201).extract().path("id");
        String before = ciphertext(id);
        String newSecret = "rotated-secret-" + UUID.randomUUID();
        put(admin(a), "/v1/admin/connections/" + id + "/credentials", Map.of(
                "credentials", Map.of("app_key", "key-2", "app_secret", newSecret, "access_token", "token-2"),
                "access_token_expires_at", Instant.now().plus(60, ChronoUnit.DAYS).toString()))
                .statusCode(200).body("id", is(id)).body(not(containsString(newSecret)));
        String after = ciphertext(id);
        assertNotEquals(before, after);
        assertFalse(after.contains(newSecret));
        BrokerCredentials creds = store.credentials(id).orElseThrow();
        assertEquals(newSecret, creds.require("app_secret"));
        assertEquals("token-2", creds.require("access_token"));
        admin(a).get("/v1/admin/audit").then().statusCode(200).body("action", hasItem("connection.rotate"))
                .body(not(containsString(newSecret)));
        assertAuditClean(a);
    }

    @Test
    void anotherTenantsConnectionsAreInvisibleAndUntouchable() throws Exception {
        String id = createLongPort(a).statusCode(201).extract().path("id");
        String before = ciphertext(id);
        admin(b).get("/v1/admin/connections/" + id).then().statusCode(404);
        admin(b).get("/v1/admin/connections").then().statusCode(200).body("id", not(hasItem(id)));
        put(admin(b), "/v1/admin/connections/" + id + "/credentials", Map.of("credentials",
                Map.of("app_key", "k", "app_secret", "stolen", "access_token", "t"),
                "access_token_expires_at", Instant.now().plus(1, ChronoUnit.DAYS).toString())).statusCode(404);
        post(admin(b), "/v1/admin/connections/" + id + "/accounts", Map.of("broker_account_no", "X1", "currency", "HKD"))
                .statusCode(404);
        admin(b).delete("/v1/admin/connections/" + id).then().statusCode(404);
        assertEquals(before, ciphertext(id), "nothing changed");
        admin(a).get("/v1/admin/connections/" + id).then().statusCode(200);
    }

    @Test
    void accountsAreLinkedListedAndDeletedWithTheirConnection() {
        String id = createPaper(a).statusCode(201).body("broker", is("paper")).extract().path("id");
        String account = post(admin(a), "/v1/admin/connections/" + id + "/accounts",
                Map.of("broker_account_no", "PA123", "name", "Paper one", "currency", "HKD"))
                .statusCode(201).body("kind", is("paper")).body("connection_id", is(id)).extract().path("id");
        post(admin(a), "/v1/admin/connections/" + id + "/accounts", Map.of("broker_account_no", "PA123", "currency", "HKD"))
                .statusCode(409);
        post(admin(a), "/v1/admin/connections/" + id + "/accounts", Map.of("broker_account_no", "PA124", "currency", "hkd"))
                .statusCode(400);
        post(admin(a), "/v1/admin/connections/" + id + "/accounts",
                Map.of("broker_account_no", "PA125", "currency", "HKD", "kind", "live")).statusCode(400);
        post(admin(a), "/v1/admin/connections/" + id + "/accounts",
                Map.of("broker_account_no", "../../etc", "currency", "HKD")).statusCode(400);
        admin(a).get("/v1/admin/accounts").then().statusCode(200).body("id", hasItem(account));
        admin(b).get("/v1/admin/accounts").then().statusCode(200).body("id", not(hasItem(account)));

        admin(a).delete("/v1/admin/connections/" + id).then().statusCode(204);
        admin(a).get("/v1/admin/connections/" + id).then().statusCode(404);
        admin(a).get("/v1/admin/accounts").then().statusCode(200).body("id", not(hasItem(account)));
    }

    @Test
    void connectionInputIsValidated() {
        Map<String, String> creds = Map.of("app_key", "k", "app_secret", SECRET, "access_token", TOKEN);
        String future = Instant.now().plus(30, ChronoUnit.DAYS).toString();
        post(admin(a), "/v1/admin/connections", Map.of("broker", "nasdaq", "name", "n", "credentials", creds))
                .statusCode(400).body("detail", startsWith("broker"));
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds))
                .statusCode(400).body("detail", containsString("access_token_expires_at"));
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n",
                "credentials", Map.of("app_key", "k", "access_token", TOKEN), "access_token_expires_at", future))
                .statusCode(400).body("detail", containsString("app_secret"));
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n",
                "credentials", Map.of("app_key", "k", "app_secret", "has space", "access_token", TOKEN),
                "access_token_expires_at", future)).statusCode(400).body(not(containsString("has space")));
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("http", "http://broker.example.com"), "access_token_expires_at", future))
                .statusCode(400).body("detail", containsString("https"));
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("http", "https://user:pw@broker.example.com"), "access_token_expires_at", future))
                .statusCode(400);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("http", "/relative"), "access_token_expires_at", future)).statusCode(400);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("quote_ws", "https://broker.example.com"), "access_token_expires_at", future))
                .statusCode(400);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("gopher", "https://broker.example.com"), "access_token_expires_at", future))
                .statusCode(400);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "access_token_expires_at", "2001-01-01T00:00:00Z")).statusCode(400);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "longport", "name", "n", "credentials", creds,
                "endpoints", Map.of("http", "https://openapi.example.com", "trade_ws", "wss://trade.example.com/v2"),
                "access_token_expires_at", future)).statusCode(201);
        post(admin(a), "/v1/admin/connections", Map.of("broker", "futu", "name", "opend",
                "credentials", Map.of("host", "127.0.0.1", "port", "11111"))).statusCode(201).body("broker", is("futu"));
        assertAuditClean(a);
    }

    private ValidatableResponse createLongPort(String tenant) {
        return post(admin(tenant), "/v1/admin/connections", Map.of("broker", "longport", "name", "main",
                "credentials", Map.of("app_key", "key-1", "app_secret", SECRET, "access_token", TOKEN),
                "endpoints", Map.of("http", "http://127.0.0.1:9"),
                "access_token_expires_at", Instant.now().plus(60, ChronoUnit.DAYS).toString()));
    }

    private ValidatableResponse createPaper(String tenant) {
        return post(admin(tenant), "/v1/admin/connections", Map.of("broker", "paper", "name", "paper",
                "credentials", Map.of("app_key", "key-1", "app_secret", SECRET, "access_token", TOKEN)));
    }

    private String ciphertext(String connectionId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT credentials FROM broker_connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private void assertAuditClean(String tenantId) {
        for (AuditLog.Entry e : audit.recent(tenantId, 1000)) {
            String detail = String.valueOf(e.detail());
            assertFalse(detail.contains(SECRET) || detail.contains(TOKEN) || detail.contains("rotated-secret"),
                    "audit detail leaks a credential: " + e.action());
        }
    }
}
