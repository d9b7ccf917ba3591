package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskApiTesting.as;
import static io.brokergate.trade.risk.RiskApiTesting.asJson;
import static io.brokergate.trade.risk.RiskTestAccounts.TENANT_A;
import static io.brokergate.trade.risk.RiskTestAccounts.TENANT_B;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@TestProfile(RiskApiProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class RiskLimitsResourceTest {

    private static final String LIMITS = """
            {"order_rate": {"limit": 20, "window_seconds": 1},
             "daily_orders": {"limit": 500, "time_zone": "Asia/Hong_Kong"},
             "max_quantity": "10000.5",
             "max_notional": {"HKD": 1000000},
             "symbols": ["700.HK", "5.HK"],
             "markets": ["HK"],
             "trading_window": {"days": ["MON", "TUE", "WED", "THU", "FRI"], "start": "09:30", "end": "16:00",
                                "time_zone": "Asia/Hong_Kong"}}""";

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    RiskGate gate;

    @BeforeEach
    void publishKeys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        RiskApiTesting.reset();
    }

    @AfterEach
    void cleanUp() {
        RiskApiTesting.reset();
    }

    @Test
    void setsReadsListsAndRemovesAnAccountsLimits() {
        asJson(TENANT_A, LIMITS).put("/v1/risk/limits/accounts/risk-a1").then().statusCode(200)
                .body("scope", is("account"))
                .body("scope_id", is("risk-a1"))
                .body("order_rate.limit", is(20))
                .body("order_rate.window_seconds", is(1))
                .body("daily_orders.time_zone", is("Asia/Hong_Kong"))
                .body("max_quantity", is(10000.5f))
                .body("max_notional.HKD", is(1000000))
                .body("symbols", contains("5.HK", "700.HK"))
                .body("markets", contains("HK"))
                .body("trading_window.days", contains("MON", "TUE", "WED", "THU", "FRI"))
                .body("trading_window.start", is("09:30"))
                .body("updated_by", is("admin-of-" + TENANT_A))
                .body("updated_at", notNullValue());
        as(TENANT_A).get("/v1/risk/limits/accounts/risk-a1").then().statusCode(200).body("max_notional.HKD", is(1000000));
        as(TENANT_A).get("/v1/risk/limits").then().statusCode(200).body("scope_id", contains("risk-a1"));
        as(TENANT_A).delete("/v1/risk/limits/accounts/risk-a1").then().statusCode(204);
        as(TENANT_A).get("/v1/risk/limits/accounts/risk-a1").then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("no risk limits are set for this account"));
        as(TENANT_A).delete("/v1/risk/limits/accounts/risk-a1").then().statusCode(404);
    }

    @Test
    void tenantAndApiKeyScopes() {
        asJson(TENANT_A, "{\"max_quantity\": 100}").put("/v1/risk/limits/tenant").then().statusCode(200)
                .body("scope", is("tenant")).body("scope_id", nullValue()).body("order_rate", nullValue())
                .body("symbols", empty()).body("max_notional.size()", is(0));
        asJson(TENANT_A, "{\"order_rate\": {\"limit\": 5, \"window_seconds\": 60}}").put("/v1/risk/limits/api-keys/Key_9.x-1")
                .then().statusCode(200).body("scope", is("api_key")).body("scope_id", is("Key_9.x-1"));
        as(TENANT_A).get("/v1/risk/limits").then().statusCode(200).body("scope", containsInAnyOrder("tenant", "api_key"));
        as(TENANT_A).get("/v1/risk/limits/api-keys/Key_9.x-1").then().statusCode(200).body("order_rate.limit", is(5));
        as(TENANT_A).get("/v1/risk/limits/api-keys/other-key").then().statusCode(404).body("detail", is("no risk limits are set for this API key"));
        as(TENANT_A).delete("/v1/risk/limits/tenant").then().statusCode(204);
        as(TENANT_A).get("/v1/risk/limits/tenant").then().statusCode(404).body("detail", is("no risk limits are set for this tenant"));
    }

    @Test
    void whatGetReturnsCanBePutBack() {
        String stored = asJson(TENANT_A, LIMITS).put("/v1/risk/limits/accounts/risk-a2").then().statusCode(200).extract().asString();
        String again = asJson(TENANT_A, stored).put("/v1/risk/limits/accounts/risk-a2").then().statusCode(200).extract().asString();
        assertEquals(stored.replaceAll("\"updated_at\":\"[^\"]+\"", ""), again.replaceAll("\"updated_at\":\"[^\"]+\"", ""));
    }

    @Test
    void theLimitsApplyToOrdersOnceSet() {
        RiskSubject subject = new RiskSubject(TENANT_A, "risk-a1", null);
        assertDoesNotThrow(() -> gate.admit(subject, RiskFixtures.limit("700.HK", "200", "10"), null, Instant.now()));
        asJson(TENANT_A, "{\"max_quantity\": 100}").put("/v1/risk/limits/accounts/risk-a1").then().statusCode(200);
        GatewayException e = assertThrows(GatewayException.class,
                () -> gate.admit(subject, RiskFixtures.limit("700.HK", "200", "10"), null, Instant.now()));
        assertEquals(ErrorCode.RISK_REJECTED, e.code());
        assertEquals("risk limit max_quantity (account): 200 exceeds 100", e.getMessage());
        as(TENANT_A).delete("/v1/risk/limits/accounts/risk-a1").then().statusCode(204);
        assertDoesNotThrow(() -> gate.admit(subject, RiskFixtures.limit("700.HK", "200", "10"), null, Instant.now()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"max_quantity": -1}                                                 | max_quantity must be positive
            {"max_quantity": 0}                                                  | max_quantity must be positive
            {"max_quantity": "NaN"}                                              | max_quantity must be a decimal number
            {"max_quantity": 1e999}                                              | max_quantity must not exceed 1000000000
            {"max_notional": {"HKD": "-0.01"}}                                   | max_notional.HKD must be positive
            {"order_rate": {"limit": 1.5, "window_seconds": 1}}                  | order_rate.limit must be a whole number
            {"daily_orders": {"limit": 5, "time_zone": "Asia/Atlantis"}}         | daily_orders.time_zone: unknown time zone 'Asia/Atlantis'; use an IANA id such as Asia/Hong_Kong
            {"trading_window": {"days": ["MON"], "start": "24:00", "end": "10:00", "time_zone": "UTC"}} | trading_window.start is not a valid time of day: '24:00'
            {"trading_window": {"days": ["MON"], "start": "9am", "end": "10:00", "time_zone": "UTC"}} | trading_window.start must be a time of day as HH:mm or HH:mm:ss, got '9am'
            {"markets": ["LSE"]}                                                 | markets[0]: unknown market 'LSE'; known: HK, US, SH, SZ, SG, NSE, BSE, NFO, BFO, CDS, MCX
            {"symbols": ["TENCENT"]}                                             | symbols[0]: 'TENCENT' is not a symbol of the form TICKER.MARKET such as 700.HK (symbol 'TENCENT' is not of the form TICKER.MARKET)
            {"max_qty": 5}                                                       | unknown field 'max_qty'; known fields: daily_orders, markets, max_notional, max_quantity, order_rate, symbols, trading_window
            {"max_quantity": 5                                                   | the request body is not valid JSON
            [1, 2]                                                               | the request body must be a JSON object
            """)
    void refusesBadLimitsWithAProblemNamingTheField(String body, String detail) {
        asJson(TENANT_A, body).put("/v1/risk/limits/accounts/risk-a1").then().statusCode(400)
                .contentType("application/problem+json").body("code", is("invalid_request")).body("detail", is(detail));
        as(TENANT_A).get("/v1/risk/limits/accounts/risk-a1").then().statusCode(404);
    }

    @Test
    void refusesEmptyBodiesOtherMediaTypesAndMalformedKeyIds() {
        as(TENANT_A).contentType("application/json").put("/v1/risk/limits/tenant").then().statusCode(400)
                .body("detail", is("a JSON request body is required"));
        as(TENANT_A).contentType("text/plain").body("{}").put("/v1/risk/limits/tenant").then().statusCode(415);
        asJson(TENANT_A, "{}").put("/v1/risk/limits/api-keys/" + "k".repeat(65)).then().statusCode(400)
                .body("detail", is("an API key id has 1 to 64 characters: letters, digits, '.', '_' and '-'"));
        asJson(TENANT_A, "{}").put("/v1/risk/limits/api-keys/bad%20key").then().statusCode(400);
    }

    @Test
    void anotherTenantsAccountIsNotFound() {
        asJson(TENANT_A, LIMITS).put("/v1/risk/limits/accounts/risk-a1").then().statusCode(200);
        asJson(TENANT_B, "{\"max_quantity\": 1}").put("/v1/risk/limits/accounts/risk-a1").then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("account not found"));
        asJson(TENANT_B, "{\"max_quantity\": -1}").put("/v1/risk/limits/accounts/risk-a1").then().statusCode(404)
                .body("detail", is("account not found"));
        as(TENANT_B).get("/v1/risk/limits/accounts/risk-a1").then().statusCode(404).body("detail", is("account not found"));
        as(TENANT_B).delete("/v1/risk/limits/accounts/risk-a1").then().statusCode(404).body("detail", is("account not found"));
        as(TENANT_B).get("/v1/risk/limits/accounts/no-such-account").then().statusCode(404).body("detail", is("account not found"));
        as(TENANT_B).get("/v1/risk/limits").then().statusCode(200).body("$", hasSize(0));
        as(TENANT_A).get("/v1/risk/limits/accounts/risk-a1").then().statusCode(200).body("max_quantity", is(10000.5f));
    }

    @Test
    void tenantsHaveTheirOwnTenantAndApiKeyLimitsEvenWithTheSameKeyId() {
        asJson(TENANT_A, "{\"max_quantity\": 100}").put("/v1/risk/limits/tenant").then().statusCode(200);
        asJson(TENANT_A, "{\"max_quantity\": 10}").put("/v1/risk/limits/api-keys/shared-id").then().statusCode(200);
        as(TENANT_B).get("/v1/risk/limits/tenant").then().statusCode(404);
        asJson(TENANT_B, "{\"max_quantity\": 99}").put("/v1/risk/limits/api-keys/shared-id").then().statusCode(200);
        as(TENANT_A).get("/v1/risk/limits/api-keys/shared-id").then().statusCode(200).body("max_quantity", is(10));
        as(TENANT_B).delete("/v1/risk/limits/api-keys/shared-id").then().statusCode(204);
        as(TENANT_A).get("/v1/risk/limits/api-keys/shared-id").then().statusCode(200);
        // tenant-a's limits never bind tenant-b's orders
        assertDoesNotThrow(() -> gate.admit(new RiskSubject(TENANT_B, "risk-b1", "shared-id"), RiskFixtures.limit("700.HK", "500", "1"),
                null, Instant.now()));
        assertThrows(GatewayException.class, () -> gate.admit(new RiskSubject(TENANT_A, "risk-a1", "shared-id"),
                RiskFixtures.limit("700.HK", "50", "1"), null, Instant.now()));
    }

    @Test
    void anAccountOutsideTheAdministratorsGrantIsNotFound() {
        String token = TestTokens.token("admin").tenant(TENANT_A).accounts("risk-a2").rs256();
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .put("/v1/risk/limits/accounts/risk-a1").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .put("/v1/risk/limits/accounts/risk-a2").then().statusCode(200);
    }

    @Test
    void onlyAdministratorsMayCall() {
        given().get("/v1/risk/limits/tenant").then().statusCode(401);
        String trader = TestTokens.token("trade accounts:read").tenant(TENANT_A).rs256();
        given().header("Authorization", "Bearer " + trader).get("/v1/risk/limits/tenant").then().statusCode(403);
        given().header("Authorization", "Bearer " + trader).contentType("application/json").body("{}")
                .put("/v1/risk/limits/tenant").then().statusCode(403);
        as(TENANT_A).get("/v1/risk/limits/tenant").then().statusCode(404);
    }
}
