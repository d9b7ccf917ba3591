package io.brokergate.quote.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.sim.admin.SimAdminClient;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/quotes} against the paper exchange: batching, caching, pushes, bad input. */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class QuotesApiTest {

    static final String QUOTE_CALL = "quote 11 QuerySecurityQuote";
    static final String PA_A = TestAccounts.brokerNo(TestAccounts.A);

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;
    SimAdminClient admin;
    String tokenA;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        admin = market.admin();
        tokenA = Tokens.user(TestAccounts.TENANT_A);
    }

    @Test
    void manySymbolsAreOneBrokerCallAndARepeatIsServedFromTheCache() {
        List<String> symbols = IntStream.range(0, 40).mapToObj(SimMarket::extraSymbol).toList();
        String csv = String.join(",", symbols);
        long before = admin.requests(PA_A, QUOTE_CALL);
        given().auth().oauth2(tokenA).queryParam("symbols", csv).get("/v1/quotes").then().statusCode(200)
                .body("quotes.symbol", contains(symbols.toArray()))
                .body("quotes.last", everyItem(notNullValue()));
        assertEquals(before + 1, admin.requests(PA_A, QUOTE_CALL), "40 symbols, one broker call");
        given().auth().oauth2(tokenA).queryParam("symbols", csv).get("/v1/quotes").then().statusCode(200)
                .body("quotes", hasSize(40));
        assertEquals(before + 1, admin.requests(PA_A, QUOTE_CALL), "the repeat within a second costs nothing");
    }

    @Test
    void aPushedQuoteIsServedWithoutAskingTheBroker() {
        InstrumentId hsbc = InstrumentId.parse("5.HK");
        market.subscribe(TestAccounts.A, Set.of(hsbc), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.requests(PA_A, QUOTE_CALL) > 0); // the owner's snapshot after subscribing
        admin.movePrice("5.HK", "107.3");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            long before = admin.requests(PA_A, QUOTE_CALL);
            given().auth().oauth2(tokenA).queryParam("symbols", "5.HK").get("/v1/quotes").then().statusCode(200)
                    .body("quotes[0].last", is(107.3f)).body("quotes[0].bid", notNullValue());
            assertEquals(before, admin.requests(PA_A, QUOTE_CALL), "served from the pushed quote");
        });
        market.unsubscribe(TestAccounts.A, Set.of(hsbc), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
    }

    @Test
    void symbolsOfSeveralMarketsComeBackInTheOrderAsked() {
        given().auth().oauth2(tokenA).queryParam("symbols", "AAPL.US,700.HK,600519.SH").get("/v1/quotes").then().statusCode(200)
                .body("quotes.symbol", contains("AAPL.US", "700.HK", "600519.SH"));
    }

    @Test
    void tenThousandSymbolsAreRefusedBeforeAnyBrokerCall() {
        String csv = IntStream.range(0, 10_000).mapToObj(i -> (10_000 + i) + ".HK").collect(Collectors.joining(","));
        long before = admin.requests(PA_A, QUOTE_CALL);
        given().auth().oauth2(tokenA).queryParam("symbols", csv).get("/v1/quotes").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", is("invalid_request"))
                .body("detail", is("at most 1000 symbols per request, got 10000: split the list into several requests"));
        assertEquals(before, admin.requests(PA_A, QUOTE_CALL));
    }

    @Test
    void anUnknownSymbolIsNamedAndRemembered() {
        given().auth().oauth2(tokenA).queryParam("symbols", "9988.HK,ZZZZ.HK").get("/v1/quotes").then().statusCode(404)
                .body("code", is("not_found")).body("detail", is("unknown symbol ZZZZ.HK"));
        long before = admin.requests(PA_A, QUOTE_CALL);
        given().auth().oauth2(tokenA).queryParam("symbols", "ZZZZ.HK").get("/v1/quotes").then().statusCode(404);
        assertEquals(before, admin.requests(PA_A, QUOTE_CALL), "no second broker call for a known-unknown symbol");
        given().auth().oauth2(tokenA).queryParam("symbols", "9988.HK").get("/v1/quotes").then().statusCode(200);
    }

    @Test
    void malformedInputGetsClearErrors() {
        given().auth().oauth2(tokenA).get("/v1/quotes").then().statusCode(400)
                .body("detail", startsWith("symbols is required"));
        given().auth().oauth2(tokenA).queryParam("symbols", "700").get("/v1/quotes").then().statusCode(400)
                .body("detail", is("symbol '700' is not of the form TICKER.MARKET"));
        given().auth().oauth2(tokenA).queryParam("symbols", "700.XX").get("/v1/quotes").then().statusCode(400)
                .body("detail", is("unknown market 'XX'"));
        given().auth().oauth2(tokenA).queryParam("symbols", "700.HK,,5.HK").get("/v1/quotes").then().statusCode(400)
                .body("detail", is("symbols contains an empty entry"));
    }

    @Test
    void entitlementsAndCredentials() {
        given().queryParam("symbols", "700.HK").get("/v1/quotes").then().statusCode(401);
        given().auth().oauth2(Tokens.user(TestAccounts.TENANT_D)).queryParam("symbols", "700.HK").get("/v1/quotes").then()
                .statusCode(403).body("detail", containsString("none of your accounts has market data for market HK"));
        given().auth().oauth2(tokenA).queryParam("symbols", "RELIANCE.NSE").get("/v1/quotes").then().statusCode(403)
                .body("detail", containsString("market NSE"));
        given().auth().oauth2(tokenA).queryParam("symbols", "700.HK").queryParam("account", TestAccounts.B).get("/v1/quotes")
                .then().statusCode(404).body("detail", is("account not found"));
        given().auth().oauth2(Tokens.server(TestAccounts.TENANT_A)).queryParam("symbols", "700.HK").get("/v1/quotes").then()
                .statusCode(403).body("detail", containsString("server-to-server token"));
    }

    static List<String> block(int from, int count) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(SimMarket.extraSymbol(i));
        }
        return out;
    }
}
