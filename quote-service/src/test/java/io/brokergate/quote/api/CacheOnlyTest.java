package io.brokergate.quote.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account whose socket owner is another pod (tenant-c): its pushes reach this node's cache over the
 * market-data channel, but there is no session here to ask the broker. What was pushed is served;
 * a miss says why it cannot be answered.
 */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class CacheOnlyTest {

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;
    String tokenC;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        tokenC = Tokens.user(TestAccounts.TENANT_C);
    }

    @Test
    void aMissWithoutASessionIsBrokerUnavailable() {
        given().auth().oauth2(tokenC).queryParam("symbols", "30100.HK").get("/v1/quotes").then().statusCode(503)
                .body("code", is("broker_unavailable")).body("retryable", is(true))
                .body("detail", containsString("no broker session of account acc-c is open on this node"));
        given().auth().oauth2(tokenC).queryParam("symbol", "30100.HK").queryParam("resolution", "D")
                .queryParam("from", "1772323200").queryParam("to", "1772409600").get("/tv/history").then().statusCode(200)
                .body("s", is("error")).body("errmsg", containsString("no broker session"));
    }

    @Test
    void pushedDataIsServedWithoutASession() {
        InstrumentId id = InstrumentId.parse("30101.HK");
        market.subscribe(TestAccounts.C, Set.of(id), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
        market.admin().movePrice("30101.HK", "10.4");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(tokenC)
                .queryParam("symbols", "30101.HK").get("/v1/quotes").then().statusCode(200)
                .body("quotes[0].last", is(10.4f)).body("quotes[0].ask", notNullValue()));
        given().auth().oauth2(tokenC).queryParam("symbol", "30101.HK").get("/v1/depth").then().statusCode(200)
                .body("bids[0].price", notNullValue());
        given().auth().oauth2(tokenC).queryParam("symbols", "30101.HK").queryParam("accountId", TestAccounts.C)
                .queryParam("locale", "en").get("/tv/quotes").then().statusCode(200).body("s", is("ok"))
                .body("d[0].v.ask", notNullValue());
        market.unsubscribe(TestAccounts.C, Set.of(id), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
    }
}
