package io.brokergate.trade.risk;

import static io.restassured.RestAssured.given;

import io.brokergate.api.security.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Requests as a tenant administrator, and cleaning up after a test. */
final class RiskApiTesting {

    private RiskApiTesting() {
    }

    static String adminToken(String tenant) {
        return TestTokens.token("admin").tenant(tenant).subject("admin-of-" + tenant).rs256();
    }

    static RequestSpecification as(String tenant) {
        return given().header("Authorization", "Bearer " + adminToken(tenant));
    }

    static RequestSpecification asJson(String tenant, String body) {
        return as(tenant).contentType("application/json").body(body);
    }

    /** Removes every limit and kill switch of the two test tenants, so no state leaks into other tests. */
    static void reset() {
        for (String tenant : new String[] {RiskTestAccounts.TENANT_A, RiskTestAccounts.TENANT_B}) {
            as(tenant).delete("/v1/risk/limits/tenant");
            as(tenant).get("/v1/risk/limits").then().statusCode(200).extract().jsonPath().getList("$", Map.class)
                    .forEach(l -> as(tenant).delete("/v1/risk/limits/" + path(l)));
            asJson(tenant, "{\"engaged\": false}").post("/v1/risk/kill-switch");
            as(tenant).get("/v1/risk/kill-switch").then().statusCode(200).extract().jsonPath().getList("account_id", String.class)
                    .forEach(id -> asJson(tenant, "{\"account_id\": \"" + id + "\", \"engaged\": false}").post("/v1/risk/kill-switch"));
        }
    }

    private static String path(Map<?, ?> limits) {
        return switch ((String) limits.get("scope")) {
            case "account" -> "accounts/" + limits.get("scope_id");
            case "api_key" -> "api-keys/" + limits.get("scope_id");
            default -> "tenant";
        };
    }
}
