package io.brokergate.auth.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.core.error.GatewayException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registration API the admin endpoints call. */
@QuarkusTest
class ClientStoreTest {

    @TestHTTPResource("/")
    URI root;
    @Inject
    ClientStore clients;
    @Inject
    OAuthFixtures fixtures;
    @Inject
    AgroalDataSource db;

    private static ClientSpec codeClient(List<String> redirects, Set<String> scopes) {
        return ClientSpec.authorizationCode("app", redirects, scopes);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsItsHash() throws Exception {
        String tenant = fixtures.tenant();
        CreatedClient created = clients.create(tenant, codeClient(List.of(OAuthFixtures.REDIRECT), Set.of("trade")));
        assertTrue(created.clientSecret().startsWith("bgs_"));
        assertFalse(created.toString().contains(created.clientSecret()));
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT secret_sha256 FROM oauth_clients WHERE client_id = '" + created.clientId() + "'")) {
            assertTrue(rs.next());
            assertEquals(64, rs.getString(1).length());
            assertFalse(rs.getString(1).contains(created.clientSecret()));
        }
        OAuthClient found = clients.find(tenant, created.clientId()).orElseThrow();
        assertTrue(ClientStore.secretMatches(found, created.clientSecret()));
        assertFalse(ClientStore.secretMatches(found, created.clientSecret() + "x"));
        assertTrue(clients.list(tenant).stream().anyMatch(c -> c.clientId().equals(created.clientId())));
    }

    @Test
    void anotherTenantsClientLooksMissing() {
        CreatedClient created = clients.create(fixtures.tenant(), codeClient(List.of(OAuthFixtures.REDIRECT), Set.of("trade")));
        String other = fixtures.tenant();
        assertTrue(clients.find(other, created.clientId()).isEmpty());
        assertFalse(clients.delete(other, created.clientId()));
        assertTrue(clients.rotateSecret(other, created.clientId()).isEmpty());
        assertTrue(clients.list(other).isEmpty());
    }

    @Test
    void unsafeRegistrationsAreRefused() {
        String tenant = fixtures.tenant();
        for (String bad : List.of("http://client.example/cb", "https://client.example/cb#frag", "javascript:alert(1)", "/relative",
                "https://client.example/a b", "data:text/html,hi")) {
            assertThrows(GatewayException.class, () -> clients.create(tenant, codeClient(List.of(bad), Set.of("trade"))), bad);
        }
        clients.create(tenant, codeClient(List.of("http://localhost:5173/cb", "com.example.app:/oauth"), Set.of("trade")));
        assertThrows(GatewayException.class, () -> clients.create(tenant, codeClient(List.of(OAuthFixtures.REDIRECT), Set.of("platform"))));
        assertThrows(GatewayException.class, () -> clients.create(tenant, codeClient(List.of(OAuthFixtures.REDIRECT), Set.of("everything"))));
        assertThrows(GatewayException.class, () -> clients.create(tenant, new ClientSpec("public service", false, List.of(), List.of(),
                Set.of(GrantType.CLIENT_CREDENTIALS), Set.of("trade"), AccountGrant.ALL, null, null, null)));
        assertThrows(GatewayException.class, () -> clients.create(tenant, new ClientSpec("no redirect", true, List.of(), List.of(),
                Set.of(GrantType.AUTHORIZATION_CODE), Set.of("trade"), AccountGrant.ALL, null, null, null)));
        assertThrows(GatewayException.class, () -> clients.create(tenant, new ClientSpec("foreign account", true, List.of(), List.of(),
                Set.of(GrantType.CLIENT_CREDENTIALS), Set.of("trade"), AccountGrant.of(Set.of("someone-elses")), null, null, null)));
        assertThrows(GatewayException.class, () -> clients.create("no-such-tenant", codeClient(List.of(OAuthFixtures.REDIRECT), Set.of("trade"))));
    }

    @Test
    void aPublicClientHasNoSecret() {
        CreatedClient created = fixtures.publicClient(fixtures.tenant());
        assertNull(created.clientSecret());
        assertFalse(created.client().confidential());
    }

    @Test
    void rotatingTheSecretRetiresTheOldOne() {
        String tenant = fixtures.tenant();
        CreatedClient created = fixtures.serviceClient(tenant, Set.of("quotes:read"));
        String fresh = clients.rotateSecret(tenant, created.clientId()).orElseThrow();
        given().auth().preemptive().basic(created.clientId(), created.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401);
        given().auth().preemptive().basic(created.clientId(), fresh).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void deletingAClientRevokesItsTokens() {
        String tenant = fixtures.tenant();
        CreatedClient client = fixtures.tradingViewClient(tenant);
        OAuthFixtures.TestUser user = fixtures.user(tenant, OAuthFixtures.TRADING);
        String code = AuthorizationCodeFlowTest.authorize(new Browser(root), "response_type=code&client_id=" + client.clientId() + "&redirect_uri="
                + AuthorizationCodeFlowTest.enc(OAuthFixtures.TV_REDIRECT), user).get("code");
        String access = AuthorizationCodeFlowTest.exchange(client, code, OAuthFixtures.TV_REDIRECT).then().statusCode(200)
                .extract().path("access_token");
        assertTrue(clients.delete(tenant, client.clientId()));
        assertEquals(false, AuthorizationCodeFlowTest.introspect(access).getBoolean("active"));
        given().auth().preemptive().basic(client.clientId(), client.clientSecret()).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }
}
