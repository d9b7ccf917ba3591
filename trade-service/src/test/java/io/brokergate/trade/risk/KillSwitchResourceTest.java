package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskApiTesting.as;
import static io.brokergate.trade.risk.RiskApiTesting.asJson;
import static io.brokergate.trade.risk.RiskTestAccounts.TENANT_A;
import static io.brokergate.trade.risk.RiskTestAccounts.TENANT_B;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@TestProfile(RiskApiProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class KillSwitchResourceTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;
    @Inject
    RiskGate gate;
    @Inject
    RecordedKillSwitches recorded;

    @BeforeEach
    void publishKeys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        RiskApiTesting.reset();
        recorded.clear();
    }

    @AfterEach
    void cleanUp() {
        RiskApiTesting.reset();
    }

    @Test
    void anAccountsSwitchHaltsItsOrdersAndAsksTheOrderPathToCancel() {
        asJson(TENANT_A, "{\"account_id\": \"risk-a1\", \"engaged\": true, \"reason\": \" runaway bot \"}").post("/v1/risk/kill-switch")
                .then().statusCode(200)
                .body("scope", is("account")).body("account_id", is("risk-a1")).body("engaged", is(true))
                .body("reason", is("runaway bot")).body("engaged_by", is("admin-of-" + TENANT_A)).body("engaged_at", notNullValue());
        assertEquals(List.of(new KillSwitchEngaged(TENANT_A, "risk-a1", "admin-of-" + TENANT_A)), recorded.events());
        assertTrue(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
        assertFalse(gate.killSwitchEngaged(TENANT_A, "risk-a2"));
        GatewayException e = assertThrows(GatewayException.class, () -> gate.admit(new RiskSubject(TENANT_A, "risk-a1", null),
                RiskFixtures.limit("700.HK", "1", "1"), null, Instant.now()));
        assertEquals(ErrorCode.RISK_REJECTED, e.code());
        assertEquals("risk limit kill_switch (account): trading is halted for account risk-a1: runaway bot", e.getMessage());
        as(TENANT_A).get("/v1/risk/kill-switch").then().statusCode(200).body("account_id", contains("risk-a1"));

        asJson(TENANT_A, "{\"account_id\": \"risk-a1\", \"engaged\": false}").post("/v1/risk/kill-switch").then().statusCode(200)
                .body("engaged", is(false)).body("engaged_by", nullValue());
        assertFalse(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
        assertDoesNotThrow(() -> gate.admit(new RiskSubject(TENANT_A, "risk-a1", null), RiskFixtures.limit("700.HK", "1", "1"), null,
                Instant.now()));
        assertEquals(1, recorded.events().size(), "releasing fires nothing");
    }

    @Test
    void refusalsRenderAsProblemsOnTheNativeApi() {
        given().post("/test/risk-probe/" + TENANT_A + "/risk-a1").then().statusCode(200);
        asJson(TENANT_A, "{\"order_rate\": {\"limit\": 1, \"window_seconds\": 60}}").put("/v1/risk/limits/accounts/risk-a1")
                .then().statusCode(200);
        given().post("/test/risk-probe/" + TENANT_A + "/risk-a1").then().statusCode(200);
        String retryAfter = given().post("/test/risk-probe/" + TENANT_A + "/risk-a1").then().statusCode(429)
                .contentType("application/problem+json").body("code", is("rate_limited")).body("retryable", is(true))
                .body("detail", startsWith("risk limit order_rate (account): 1 orders per 60 s reached; retry in "))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 59 && Integer.parseInt(retryAfter) <= 60, retryAfter);

        asJson(TENANT_A, "{\"engaged\": true, \"reason\": \"audit\"}").post("/v1/risk/kill-switch").then().statusCode(200);
        given().post("/test/risk-probe/" + TENANT_A + "/risk-a2").then().statusCode(403)
                .contentType("application/problem+json").body("code", is("risk_rejected")).body("retryable", is(false))
                .body("detail", is("risk limit kill_switch (tenant): trading is halted for every account of the tenant: audit"))
                .header("Retry-After", nullValue());
    }

    @Test
    void theTenantSwitchHaltsEveryAccountOfTheTenantOnly() {
        asJson(TENANT_A, "{\"engaged\": true}").post("/v1/risk/kill-switch").then().statusCode(200)
                .body("scope", is("tenant")).body("account_id", nullValue()).body("reason", nullValue());
        assertEquals(List.of(new KillSwitchEngaged(TENANT_A, null, "admin-of-" + TENANT_A)), recorded.events());
        assertTrue(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
        assertTrue(gate.killSwitchEngaged(TENANT_A, "risk-a2"));
        assertFalse(gate.killSwitchEngaged(TENANT_B, "risk-b1"));
        as(TENANT_B).get("/v1/risk/kill-switch").then().statusCode(200).body("$", hasSize(0));
        asJson(TENANT_A, "{\"account_id\": null, \"engaged\": false, \"reason\": \"resolved\"}").post("/v1/risk/kill-switch")
                .then().statusCode(200).body("engaged", is(false));
        assertFalse(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
    }

    @Test
    void engagingAgainFiresAgainSoAFailedCancelAllCanBeRetried() {
        asJson(TENANT_A, "{\"account_id\": \"risk-a2\", \"engaged\": true}").post("/v1/risk/kill-switch").then().statusCode(200);
        asJson(TENANT_A, "{\"account_id\": \"risk-a2\", \"engaged\": true, \"reason\": \"still\"}").post("/v1/risk/kill-switch")
                .then().statusCode(200).body("reason", is("still"));
        assertEquals(2, recorded.events().size());
        as(TENANT_A).get("/v1/risk/kill-switch").then().statusCode(200).body("$", hasSize(1)).body("[0].reason", is("still"));
    }

    @Test
    void anotherTenantsAccountIsNotFoundAndNothingIsEngaged() {
        asJson(TENANT_B, "{\"account_id\": \"risk-a1\", \"engaged\": true}").post("/v1/risk/kill-switch").then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("account not found"));
        asJson(TENANT_B, "{\"account_id\": \"risk-a1\", \"engaged\": false}").post("/v1/risk/kill-switch").then().statusCode(404);
        assertFalse(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
        assertEquals(List.of(), recorded.events());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"account_id": "risk-a1"}                             | engaged is required
            {"account_id": "risk-a1", "engaged": "yes"}           | engaged must be true or false
            {"account_id": 7, "engaged": true}                    | account_id must be a string
            {"engaged": true, "scope": "tenant"}                  | unknown field 'scope'; known fields: account_id, engaged, reason
            {"engaged": true, "reason": ""}                       | reason must have 1 to 500 characters
            {"engaged": true, "reason": "a\\u0000b"}              | reason contains control or invisible characters
            {"engaged": true                                      | the request body is not valid JSON
            """)
    void refusesBadRequests(String body, String detail) {
        asJson(TENANT_A, body).post("/v1/risk/kill-switch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", is(detail));
        assertFalse(gate.killSwitchEngaged(TENANT_A, "risk-a1"));
    }

    @Test
    void refusesOverlongReasonsAndNonAdministrators() {
        asJson(TENANT_A, "{\"engaged\": true, \"reason\": \"" + "x".repeat(501) + "\"}").post("/v1/risk/kill-switch")
                .then().statusCode(400).body("detail", is("reason must have 1 to 500 characters"));
        String trader = TestTokens.token("trade").tenant(TENANT_A).rs256();
        given().header("Authorization", "Bearer " + trader).contentType("application/json").body("{\"engaged\": true}")
                .post("/v1/risk/kill-switch").then().statusCode(403);
        given().contentType("application/json").body("{\"engaged\": true}").post("/v1/risk/kill-switch").then().statusCode(401);
        assertFalse(gate.killSwitchEngaged(TENANT_A, null));
    }
}
