package io.brokergate.trade.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.api.security.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class SessionResourceTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    @BeforeEach
    void publishKeys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @Test
    void reflectsTheGrantOfAnAccessToken() {
        String token = TestTokens.token("trade accounts:read").subject("user-9").tenant("tenant-x").accounts("acc-2", "acc-1").rs256();
        given().header("Authorization", "Bearer " + token).get("/v1/session").then().statusCode(200)
                .body("subject", is("user-9"))
                .body("tenant", is("tenant-x"))
                .body("kind", is("user"))
                .body("scopes", contains("accounts:read", "trade"))
                .body("accounts", contains("acc-1", "acc-2"))
                .body("expires_at", notNullValue());
    }

    @Test
    void reflectsAnApiKeyAndTheWholeTenantGrant() {
        authServer.apiKey("bgk_session_key", new JsonObject().put("active", true).put("sub", "key-7").put("tenant", "tenant-x")
                .put("scope", "accounts:read").put("accts", new JsonArray().add("*")).put("client_id", "bot-1"));
        given().header("Authorization", "Bearer bgk_session_key").get("/v1/session").then().statusCode(200)
                .body("subject", is("key-7")).body("kind", is("api_key")).body("client_id", is("bot-1"))
                .body("accounts", contains("*")).body("expires_at", nullValue());
    }

    @Test
    void theBrokerCatalogStaysPublic() {
        given().get("/v1/brokers").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.token("quotes:read").rs256()).get("/v1/brokers").then().statusCode(200);
    }
}
