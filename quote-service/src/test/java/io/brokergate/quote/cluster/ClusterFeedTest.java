package io.brokergate.quote.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.brokergate.sim.admin.SimAdminClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cache fed over Kafka: a pushed quote is served without asking the broker. */
@QuarkusTest
@TestProfile(ClusterFeedProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class ClusterFeedTest {

    private static final String QUOTE_CALL = "quote 11 QuerySecurityQuote";

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;

    @Test
    void aQuotePushedThroughKafkaIsServedFromTheCache() {
        Tokens.publish(auth);
        String token = Tokens.user(TestAccounts.TENANT_A);
        String brokerNo = TestAccounts.brokerNo(TestAccounts.A);
        SimAdminClient admin = market.admin();
        InstrumentId hsbc = InstrumentId.parse("5.HK");
        market.subscribe(TestAccounts.A, Set.of(hsbc), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
        admin.movePrice("5.HK", "108.4");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            long before = admin.requests(brokerNo, QUOTE_CALL);
            given().auth().oauth2(token).queryParam("symbols", "5.HK").get("/v1/quotes").then().statusCode(200)
                    .body("quotes[0].last", is(108.4f));
            assertEquals(before, admin.requests(brokerNo, QUOTE_CALL), "served from the quote pushed through Kafka");
        });
        market.unsubscribe(TestAccounts.A, Set.of(hsbc), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
    }
}
