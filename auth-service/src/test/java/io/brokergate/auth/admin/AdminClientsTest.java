package io.brokergate.auth.admin;

import static io.brokergate.auth.admin.AdminApiTestSupport.admin;
import static io.brokergate.auth.admin.AdminApiTestSupport.as;
import static io.brokergate.auth.admin.AdminApiTestSupport.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.brokergate.auth.tenants.TenantStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth clients through the admin API: secret shown once, scope rules, tenant isolation. */
@QuarkusTest
class AdminClientsTest {

    @Inject
    TenantStore tenants;

    private String a;
    private String b;

    @BeforeEach
    void twoTenants() {
        a = tenants.create("cla-" + UUID.randomUUID()).id();
        b = tenants.create("clb-" + UUID.randomUUID()).id();
    }

    @Test
    void aClientsSecretIsShownOnceAndTheClientIsConfinedToItsTenant() {
        var created = post(admin(a), "/v1/admin/clients", codeClient("web console", List.of("trade", "quotes:read")))
                .statusCode(201)
                .body("client_id", notNullValue())
                .body("client_secret", startsWith("bgs_"))
                .body("client.grant_types", is(List.of("authorization_code", "refresh_token")))
                .body("client.redirect_uris", is(List.of("https://console.example.com/callback")))
                .extract();
        String id = created.path("client_id");
        String secret = created.path("client_secret");
        admin(a).get("/v1/admin/clients").then().statusCode(200).body("client_id", hasItem(id)).body(not(containsString(secret)));
        admin(a).get("/v1/admin/clients/" + id).then().statusCode(200).body("confidential", is(true))
                .body(not(containsString(secret)));

        admin(b).get("/v1/admin/clients/" + id).then().statusCode(404);
        admin(b).get("/v1/admin/clients").then().statusCode(200).body("client_id", not(hasItem(id)));
        admin(b).post("/v1/admin/clients/" + id + "/secret").then().statusCode(404);
        admin(b).delete("/v1/admin/clients/" + id).then().statusCode(404);

        String rotated = admin(a).post("/v1/admin/clients/" + id + "/secret").then().statusCode(200)
                .body("client_secret", startsWith("bgs_")).extract().path("client_secret");
        assertNotEquals(secret, rotated);
        admin(a).delete("/v1/admin/clients/" + id).then().statusCode(204);
        admin(a).get("/v1/admin/clients/" + id).then().statusCode(404);
        admin(a).get("/v1/admin/audit").then().statusCode(200).body("action", hasItem("client.create"))
                .body(not(containsString(secret))).body(not(containsString(rotated)));
    }

    @Test
    void clientsCannotCarryMoreThanTheirAdministratorOrBadRedirects() {
        post(as(a, "admin,quotes:read"), "/v1/admin/clients", codeClient("x", List.of("trade"))).statusCode(403);
        post(admin(a), "/v1/admin/clients", codeClient("x", List.of("platform"))).statusCode(403);
        // Even a platform operator cannot give a client the platform scope.
        post(as(a, "platform,admin"), "/v1/admin/clients", codeClient("x", List.of("platform"))).statusCode(400);
        post(admin(a), "/v1/admin/clients", Map.of("name", "x", "grant_types", List.of("authorization_code"),
                "scopes", List.of("trade"), "redirect_uris", List.of("http://evil.example.com/cb"))).statusCode(400)
                .body("detail", containsString("https"));
        post(admin(a), "/v1/admin/clients", Map.of("name", "x", "grant_types", List.of("password"),
                "scopes", List.of("trade"))).statusCode(400).body("detail", containsString("grant"));
        post(admin(a), "/v1/admin/clients", Map.of("name", "x", "grant_types", List.of("client_credentials"),
                "scopes", List.of("trade"), "confidential", false)).statusCode(400);
        post(admin(a), "/v1/admin/clients", Map.of("name", "bot", "grant_types", List.of("client_credentials"),
                "scopes", List.of("trade"))).statusCode(201).body("client.redirect_uris", is(List.of()));
    }

    private static Map<String, Object> codeClient(String name, List<String> scopes) {
        return Map.of("name", name, "grant_types", List.of("authorization_code", "refresh_token"), "scopes", scopes,
                "redirect_uris", List.of("https://console.example.com/callback"));
    }
}
