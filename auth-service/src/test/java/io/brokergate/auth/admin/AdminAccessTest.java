package io.brokergate.auth.admin;

import static io.brokergate.auth.admin.AdminApiTestSupport.admin;
import static io.brokergate.auth.admin.AdminApiTestSupport.as;
import static io.brokergate.auth.admin.AdminApiTestSupport.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.brokergate.auth.tenants.TenantStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication, scopes and the platform-only tenant resources. */
@QuarkusTest
class AdminAccessTest {

    @Inject
    TenantStore tenants;

    private String tenantId;

    @BeforeEach
    void tenant() {
        tenantId = tenants.create("access-" + UUID.randomUUID()).id();
    }

    @Test
    void withoutCredentialsEveryAdminResourceIs401() {
        for (String path : new String[] {"/v1/admin/tenant", "/v1/admin/tenants", "/v1/admin/users", "/v1/admin/api-keys",
                "/v1/admin/connections", "/v1/admin/accounts", "/v1/admin/audit", "/v1/admin/clients"}) {
            given().get(path).then().statusCode(401);
        }
        given().contentType("application/json").body("{}").post("/v1/admin/users").then().statusCode(401);
        given().get("/v1/admin/users").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType(startsWith("application/problem+json")).body("code", is("unauthenticated"));
    }

    @Test
    void withoutTheAdminScopeItIs403() {
        as(tenantId, "trade,quotes:read").get("/v1/admin/users").then().statusCode(403);
        post(as(tenantId, "trade"), "/v1/admin/api-keys", Map.of("name", "x", "scopes", new String[] {"trade"},
                "accounts", new String[] {"*"})).statusCode(403);
        as(tenantId, "trade").delete("/v1/admin/connections/" + UUID.randomUUID()).then().statusCode(403);
        as(tenantId, "trade").get("/v1/admin/users").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("code", is("forbidden"));
    }

    @Test
    void anInvalidApiKeyIs401() {
        given().header("Authorization", "Bearer bgk_0123456789abcdef_" + "A".repeat(43)).get("/v1/admin/tenant")
                .then().statusCode(401);
    }

    @Test
    void onlyPlatformOperatorsCreateAndListTenants() {
        Map<String, Object> body = Map.of("name", "acme-" + UUID.randomUUID());
        post(admin(tenantId), "/v1/admin/tenants", body).statusCode(403);
        admin(tenantId).get("/v1/admin/tenants").then().statusCode(403);

        String name = "acme-" + UUID.randomUUID();
        String login = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        String created = post(as(tenantId, "platform,admin"), "/v1/admin/tenants",
                Map.of("name", name, "admin_login", login, "admin_password", "correct horse battery"))
                .statusCode(201)
                .contentType(startsWith("application/json"))
                .body("tenant.name", is(name))
                .body("tenant.id", notNullValue())
                .body("admin_user.login", is(login))
                .body("admin_user.scopes", not(hasItem("platform")))
                .body(not(containsString("correct horse battery")))
                .extract().path("tenant.id");

        as(tenantId, "platform").get("/v1/admin/tenants").then().statusCode(200).body("name", hasItem(name));
        admin(created).get("/v1/admin/tenant").then().statusCode(200).body("name", is(name)).body("id", is(created));
        admin(created).get("/v1/admin/users").then().statusCode(200).body("login", hasItem(login))
                .body("[0].password_hash", nullValue());

        post(as(tenantId, "platform"), "/v1/admin/tenants", Map.of("name", name)).statusCode(409).body("code", is("conflict"));
        post(as(tenantId, "platform"), "/v1/admin/tenants", Map.of("name", "other-" + UUID.randomUUID(),
                "admin_login", login, "admin_password", "another long password")).statusCode(409);
        post(as(tenantId, "platform"), "/v1/admin/tenants", Map.of("name", "pw-" + UUID.randomUUID(),
                "admin_login", "someone-" + UUID.randomUUID().toString().substring(0, 8), "admin_password", "short"))
                .statusCode(400).body("detail", startsWith("admin_password"));
        post(as(tenantId, "platform"), "/v1/admin/tenants", Map.of("name", "evil\u202Egnp.exe")).statusCode(400);
        post(as(tenantId, "platform"), "/v1/admin/tenants", Map.of("name", "x".repeat(201))).statusCode(400);
    }

    @Test
    void ownTenantIsVisibleToItsAdmin() {
        admin(tenantId).get("/v1/admin/tenant").then().statusCode(200).body("id", is(tenantId)).body("created_at", notNullValue());
    }
}
