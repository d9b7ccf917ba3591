package io.brokergate.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.brokergate.api.security.testing.BearerAuthContract;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class ApiSecurityContractTest extends BearerAuthContract {

    @Override
    protected String protectedPath() {
        return "/probe/trade";
    }

    @Override
    protected String requiredScope() {
        return Scopes.TRADE;
    }

    @Override
    protected String accountPath(String tenantOfAccount, String accountId) {
        return "/probe/accounts/" + tenantOfAccount + "/" + accountId;
    }

    @Test
    void theIdentityCarriesTheCaller() {
        given().header("Authorization", "Bearer " + TestTokens.token("trade quotes:read").subject("user-42").rs256())
                .get("/probe/trade").then().statusCode(200)
                .body("subject", is("user-42")).body("tenant", is("tenant-a")).body("kind", is("USER"));
        given().header("Authorization", "Bearer bgk_live_valid").get("/probe/trade").then().statusCode(200)
                .body("subject", is("key-1")).body("kind", is("API_KEY"));
    }

    @Test
    void anyOfSeveralScopesWillDoAndTheRefusalNamesThemAll() {
        given().header("Authorization", "Bearer " + TestTokens.token("admin").rs256()).get("/probe/either")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.token("quotes:read").rs256()).get("/probe/either")
                .then().statusCode(403).body("detail", is("insufficient scope: requires one of the scopes admin, trade"))
                .header("WWW-Authenticate", containsString("scope=\"admin trade\""));
    }

    @Test
    void publicEndpointsNeedNoCredential() {
        given().get("/probe/public").then().statusCode(200);
    }

    @Test
    void tradingViewPathsGet401InTheirOwnEnvelope() {
        given().get("/tv/probe").then().statusCode(401)
                .contentType(startsWith("application/json"))
                .header("WWW-Authenticate", is("Bearer realm=\"brokergate\""))
                .body("s", is("error")).body("errmsg", containsString("authentication required"));
        given().header("Authorization", "Bearer " + TestTokens.token("trade").expiredAgo(Duration.ofHours(1)).rs256())
                .get("/tv/probe").then().statusCode(401)
                .body("s", is("error")).body("errmsg", is("token expired"));
        given().header("Authorization", "Bearer " + TestTokens.token("trade").rs256()).get("/tv/probe").then().statusCode(200);
    }

    @Test
    void anUnreachableAuthServiceIsNotTheCallersFault() {
        authServer.down(true);
        try {
            given().header("Authorization", "Bearer bgk_never_seen_before_key").get("/probe/trade").then().statusCode(500)
                    .body("code", is("internal")).body("retryable", is(true));
        } finally {
            authServer.down(false);
        }
    }
}
