package io.brokergate.auth.admin;

import static io.brokergate.auth.admin.AdminApiTestSupport.admin;
import static io.brokergate.auth.admin.AdminApiTestSupport.post;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.brokergate.auth.tenants.TenantStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed, oversized and hostile input: always a problem+json 4xx, never a 500. */
@QuarkusTest
class AdminInputTest {

    private static final String[] CREATE_PATHS = {"/v1/admin/users", "/v1/admin/api-keys", "/v1/admin/connections",
            "/v1/admin/clients"};

    @Inject
    TenantStore tenants;

    private String tenantId;

    @BeforeEach
    void tenant() {
        tenantId = tenants.create("input-" + UUID.randomUUID()).id();
    }

    @Test
    void malformedJsonIs400() {
        for (String path : CREATE_PATHS) {
            for (String body : new String[] {"{\"name\": ", "[1,2,3]", "\"text\"", "null", "", "{\"scopes\": {\"a\": 1}}",
                    "{\"scopes\": \"admin\"}", "{\"credentials\": [1]}", "{\"name\": {\"nested\": true}}", "{{}}",
                    "{\"expires_at\": 12.5e400}"}) {
                problem(admin(tenantId).contentType("application/json").body(body).post(path).then(), 400);
            }
        }
    }

    @Test
    void wrongContentTypeIs415() {
        for (String path : CREATE_PATHS) {
            problem(admin(tenantId).contentType("text/plain").body("name=x").post(path).then(), 415);
            problem(admin(tenantId).contentType("application/x-www-form-urlencoded").body("name=x").post(path).then(), 415);
        }
    }

    @Test
    void oversizedBodiesAre413AndOversizedFieldsAre400() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        for (String path : CREATE_PATHS) {
            problem(admin(tenantId).contentType("application/json").body(huge).post(path).then(), 413);
        }
        problem(post(admin(tenantId), "/v1/admin/api-keys", Map.of("name", "x".repeat(101), "scopes", List.of("trade"),
                "accounts", List.of("*"))), 400).body("detail", startsWith("name"));
        problem(post(admin(tenantId), "/v1/admin/users", Map.of("login", "a".repeat(101), "password", "p".repeat(20),
                "scopes", List.of("trade"))), 400);
        problem(post(admin(tenantId), "/v1/admin/users", Map.of("login", "someone-" + UUID.randomUUID().toString().substring(0, 6),
                "password", "p".repeat(300), "scopes", List.of("trade"))), 400);
        problem(post(admin(tenantId), "/v1/admin/connections", Map.of("broker", "futu", "name", "n",
                "credentials", Map.of("host", "h".repeat(3000)))), 400);
    }

    @Test
    void hostileTextIs400() {
        for (String name : new String[] {"bad\u0000name", "line\nbreak", "rtl\u202Eoverride", " padded", "zero\u200Bwidth", "\uD800"}) {
            problem(post(admin(tenantId), "/v1/admin/api-keys", Map.of("name", name, "scopes", List.of("trade"),
                    "accounts", List.of("*"))), 400);
        }
        problem(post(admin(tenantId), "/v1/admin/api-keys", Map.of("name", "ok", "scopes", Arrays.asList("trade", null),
                "accounts", List.of("*"))), 400);
        problem(post(admin(tenantId), "/v1/admin/connections", Map.of("broker", "futu", "name", "n",
                "credentials", Map.of("Bad-Key", "v"))), 400);
        problem(post(admin(tenantId), "/v1/admin/connections", Map.of("broker", "futu", "name", "n",
                "credentials", Map.of())), 400);
    }

    @Test
    void badQueryAndPathParametersAre4xx() {
        problem(admin(tenantId).get("/v1/admin/audit?limit=abc").then(), 400);
        problem(admin(tenantId).get("/v1/admin/audit?limit=0").then(), 400);
        problem(admin(tenantId).get("/v1/admin/audit?limit=100000").then(), 400);
        admin(tenantId).get("/v1/admin/audit?limit=5").then().statusCode(200);
        problem(admin(tenantId).get("/v1/admin/users/%27%20OR%201=1--").then(), 404);
        problem(admin(tenantId).get("/v1/admin/connections/" + "x".repeat(500)).then(), 404);
        problem(admin(tenantId).delete("/v1/admin/api-keys/..%2F..%2Fetc").then(), 404);
        problem(admin(tenantId).put("/v1/admin/users").then(), 405);
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType(startsWith("application/problem+json")).body("status", is(status));
    }
}
