package io.brokergate.auth.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.cluster.AccountEntry;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The account list the other services' pods read in cluster mode: only with the services' credential. */
@QuarkusTest
class InternalAccountsResourceTest {

    private static final String SERVICE = "brokergate-introspection";
    private static final String SECRET = "test-introspection-secret";

    @Inject
    TenantStore tenants;
    @Inject
    BrokerConnectionStore connections;
    @Inject
    AccountStore accounts;

    @Test
    void servicesReadEveryTenantsAccountsAndOwnersAlsoTheCredentials() {
        Account a = linked("a");
        Account b = linked("b");
        List<AccountEntry> plain = read(false);
        AccountEntry entryA = plain.stream().filter(e -> e.account().equals(a)).findFirst().orElseThrow();
        assertTrue(entryA.credentials().isEmpty(), "the directory never carries credentials");
        assertTrue(plain.stream().anyMatch(e -> e.account().equals(b)));

        AccountEntry withSecrets = read(true).stream().filter(e -> e.account().equals(a)).findFirst().orElseThrow();
        assertEquals("secret-a", withSecrets.credentials().orElseThrow().require("app_secret"));
        assertEquals("http://broker-a", withSecrets.credentials().orElseThrow().endpoint("http", null));
    }

    @Test
    void anyoneElseIsRefusedWithoutLearningAnything() {
        linked("c");
        given().get("/internal/v1/accounts").then().statusCode(401).body(not(containsString("secret-c")));
        given().auth().preemptive().basic(SERVICE, "wrong").get("/internal/v1/accounts?credentials=true")
                .then().statusCode(401).body(not(containsString("secret-c")));
        given().auth().preemptive().basic("someone", SECRET).get("/internal/v1/accounts").then().statusCode(401);
        given().header("Authorization", "Basic %%%").get("/internal/v1/accounts").then().statusCode(401);
        given().header("Authorization", "Bearer " + "x".repeat(9000)).get("/internal/v1/accounts").then().statusCode(401);
    }

    @Test
    void aMalformedFlagIsAClearError() {
        given().auth().preemptive().basic(SERVICE, SECRET).get("/internal/v1/accounts?credentials=yes")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("credentials must be true or false"));
    }

    private List<AccountEntry> read(boolean credentials) {
        String body = given().auth().preemptive().basic(SERVICE, SECRET)
                .get("/internal/v1/accounts" + (credentials ? "?credentials=true" : ""))
                .then().statusCode(200).extract().asString();
        return AccountEntry.parseList(new JsonObject(body));
    }

    private Account linked(String name) {
        String tenant = tenants.create("internal-" + name + "-" + UUID.randomUUID()).id();
        BrokerConnection c = connections.create(tenant, BrokerId.LONGPORT, "main",
                Map.of("app_key", "key-" + name, "app_secret", "secret-" + name, "access_token", "token-" + name),
                Map.of("http", "http://broker-" + name));
        return accounts.create(tenant, c.id(), BrokerId.LONGPORT, "LP-" + name, "main " + name, "USD", AccountKind.LIVE);
    }
}
