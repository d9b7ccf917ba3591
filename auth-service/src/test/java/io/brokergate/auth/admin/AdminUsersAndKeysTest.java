package io.brokergate.auth.admin;

import static io.brokergate.auth.admin.AdminApiTestSupport.admin;
import static io.brokergate.auth.admin.AdminApiTestSupport.as;
import static io.brokergate.auth.admin.AdminApiTestSupport.asSubject;
import static io.brokergate.auth.admin.AdminApiTestSupport.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.UserStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users and API keys: creation rules, secrets shown once, and tenant isolation (404, never 403). */
@QuarkusTest
class AdminUsersAndKeysTest {

    @Inject
    TenantStore tenants;
    @Inject
    UserStore users;

    private String a;
    private String b;

    @BeforeEach
    void twoTenants() {
        a = tenants.create("a-" + UUID.randomUUID()).id();
        b = tenants.create("b-" + UUID.randomUUID()).id();
    }

    @Test
    void usersAreCreatedWithinTheCreatorsScopesAndNeverShowTheirPassword() {
        String login = login();
        String id = post(admin(a), "/v1/admin/users", Map.of("login", login, "password", "a perfectly long one",
                "scopes", List.of("trade", "quotes:read")))
                .statusCode(201)
                .body("login", is(login))
                .body("scopes", is(List.of("quotes:read", "trade")))
                .body("disabled", is(false))
                .body(not(containsString("a perfectly long one")))
                .body(not(containsString("argon2")))
                .extract().path("id");
        admin(a).get("/v1/admin/users/" + id).then().statusCode(200).body("login", is(login));
        admin(a).get("/v1/admin/users").then().statusCode(200).body("id", hasItem(id)).body(not(containsString("argon2")));

        post(as(a, "admin,trade"), "/v1/admin/users", Map.of("login", login(), "password", "a perfectly long one",
                "scopes", List.of("platform"))).statusCode(403).body("code", is("forbidden"));
        post(as(a, "admin,trade"), "/v1/admin/users", Map.of("login", login(), "password", "a perfectly long one",
                "scopes", List.of("quotes:read"))).statusCode(403);
        post(admin(a), "/v1/admin/users", Map.of("login", login(), "password", "a perfectly long one",
                "scopes", List.of("superuser"))).statusCode(400).body("detail", startsWith("scopes"));
        post(admin(a), "/v1/admin/users", Map.of("login", login(), "password", "elevenchars",
                "scopes", List.of("trade"))).statusCode(400).body("detail", containsString("12"));
        post(admin(a), "/v1/admin/users", Map.of("login", "<script>alert(1)</script>", "password", "a perfectly long one",
                "scopes", List.of("trade"))).statusCode(400).body("detail", startsWith("login"));
        post(admin(b), "/v1/admin/users", Map.of("login", login, "password", "a perfectly long one",
                "scopes", List.of("trade"))).statusCode(409);
    }

    @Test
    void anotherTenantsUsersAreInvisibleAndUntouchable() {
        String login = login();
        String id = post(admin(a), "/v1/admin/users", Map.of("login", login, "password", "a perfectly long one",
                "scopes", List.of("trade"))).statusCode(201).extract().path("id");
        admin(b).get("/v1/admin/users/" + id).then().statusCode(404).body("code", is("not_found"));
        admin(b).get("/v1/admin/users").then().statusCode(200).body("id", not(hasItem(id)));
        admin(b).delete("/v1/admin/users/" + id).then().statusCode(404);
        assertEnabled(login, true);

        admin(a).delete("/v1/admin/users/" + id).then().statusCode(204);
        assertEnabled(login, false);
        admin(a).get("/v1/admin/users/" + id).then().statusCode(200).body("disabled", is(true));
        admin(a).delete("/v1/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void adminsCannotDisableThemselves() {
        String id = post(admin(a), "/v1/admin/users", Map.of("login", login(), "password", "a perfectly long one",
                "scopes", List.of("admin"))).statusCode(201).extract().path("id");
        asSubject(id, a, "admin").delete("/v1/admin/users/" + id).then().statusCode(409);
    }

    @Test
    void apiKeysAreShownOnceWorkAsBearerCredentialsAndAreConfinedToTheirTenant() {
        String key = post(admin(a), "/v1/admin/api-keys", Map.of("name", "ops bot", "scopes", List.of("admin", "trade"),
                "accounts", List.of("*")))
                .statusCode(201)
                .body("key", startsWith("bgk_"))
                .body("api_key.name", is("ops bot"))
                .body("api_key.scopes", is(List.of("admin", "trade")))
                .body("api_key.expires_at", notNullValue())
                .extract().path("key");
        String id = key.substring(4, 20);
        String secret = key.substring(21);
        admin(a).get("/v1/admin/api-keys").then().statusCode(200).body("id", hasItem(id))
                .body(not(containsString(secret))).body("prefix", hasItem("bgk_" + id + "_"));
        admin(a).get("/v1/admin/api-keys/" + id).then().statusCode(200).body(not(containsString(secret)));

        // The key itself authenticates, with its own scopes, in its own tenant.
        given().header("Authorization", "Bearer " + key).get("/v1/admin/tenant").then().statusCode(200).body("id", is(a));

        admin(b).get("/v1/admin/api-keys/" + id).then().statusCode(404);
        admin(b).delete("/v1/admin/api-keys/" + id).then().statusCode(404);
        admin(b).get("/v1/admin/api-keys").then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", "Bearer " + key).get("/v1/admin/tenant").then().statusCode(200);

        admin(a).delete("/v1/admin/api-keys/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + key).get("/v1/admin/tenant").then().statusCode(401);
        admin(a).get("/v1/admin/api-keys/" + id).then().statusCode(200).body("revoked_at", notNullValue());
        admin(a).get("/v1/admin/audit").then().statusCode(200).body("action", hasItem("apikey.create"))
                .body("action", hasItem("apikey.revoke")).body(not(containsString(secret)));
    }

    @Test
    void apiKeysCannotEscalate() {
        String key = post(admin(a), "/v1/admin/api-keys", Map.of("name", "limited", "scopes", List.of("admin"),
                "accounts", List.of("*"))).statusCode(201).extract().path("key");
        // A key with admin but not trade cannot mint a key with trade.
        post(given().header("Authorization", "Bearer " + key), "/v1/admin/api-keys",
                Map.of("name", "escalated", "scopes", List.of("trade"), "accounts", List.of("*"))).statusCode(403);
        post(admin(a), "/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("platform"), "accounts", List.of("*")))
                .statusCode(403);
        post(admin(a), "/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("trade"), "accounts", List.of("*"),
                "expires_at", "2999-01-01T00:00:00Z")).statusCode(400).body("detail", containsString("lifetime"));
        post(admin(a), "/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("trade"), "accounts", List.of("*"),
                "expires_at", "yesterday")).statusCode(400);
        post(admin(a), "/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("trade"), "accounts",
                List.of(UUID.randomUUID().toString()))).statusCode(400).body("detail", containsString("unknown account"));
        admin(a).get("/v1/admin/api-keys/not-a-key-id").then().statusCode(404);
    }

    private void assertEnabled(String login, boolean enabled) {
        assertEquals(!enabled, users.findByLogin(login).orElseThrow().disabled());
    }

    private static String login() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
