package io.brokergate.quote.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data bought through tenant A's broker connection is never served to tenant B, on every path: each
 * request of B after A warmed the cache still goes to B's own connection, and A's connection is not
 * touched by it. Foreign accounts are 404, tenants without a suitable account 403.
 */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class TenantIsolationTest {

    static final String PA_A = TestAccounts.brokerNo(TestAccounts.A);
    static final String PA_B = TestAccounts.brokerNo(TestAccounts.B);

    /** A path, the query it takes, and the exchange command it costs when not cached. */
    record Path(String path, Map<String, String> query, String command) {
    }

    /**
     * In an order where no path warms the cache of a later one (each has its own symbol, or the
     * first use of its command), so every request of B that is not answered by B's own connection
     * could only have been answered from A's data.
     */
    static final List<Path> PATHS = List.of(
            new Path("/v1/quotes", Map.of("symbols", "30111.HK"), "quote 11 QuerySecurityQuote"),
            new Path("/v1/depth", Map.of("symbol", "30112.HK"), "quote 14 QueryDepth"),
            new Path("/v1/trades", Map.of("symbol", "30113.HK", "count", "20"), "quote 17 QueryTrade"),
            new Path("/v1/candles", Map.of("symbol", "30114.HK", "resolution", "D", "limit", "5"), "quote 27 QueryHistoryCandlestick"),
            new Path("/tv/quotes", Map.of("symbols", "30116.HK", "locale", "en"), "quote 14 QueryDepth"),
            new Path("/tv/depth", Map.of("symbol", "30117.HK", "locale", "en"), "quote 14 QueryDepth"),
            new Path("/tv/history", Map.of("symbol", "30118.HK", "resolution", "W", "from", "1700000000", "to", "1760000000"),
                    "quote 27 QueryHistoryCandlestick"),
            new Path("/tv/symbol_info", Map.of("group", "brokergate_hk"), "quote 8 QueryMarketTradePeriod"),
            new Path("/v1/instruments/30115.HK", Map.of(), "quote 10 QuerySecurityStaticInfo"),
            new Path("/v1/instruments", Map.of("query", "30119.HK"), "quote 10 QuerySecurityStaticInfo"),
            new Path("/v1/calendar/HK", Map.of("from", "2026-01-05", "to", "2026-01-30"), "quote 9 QueryMarketTradeDay"));

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;
    SimAdminClient admin;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        admin = market.admin();
    }

    private static RequestSpecification as(String token, Path p, String account) {
        RequestSpecification r = given().auth().oauth2(token);
        p.query().forEach(r::queryParam);
        if (p.path().startsWith("/tv/quotes") || p.path().startsWith("/tv/depth")) {
            r.queryParam("accountId", account);
        }
        return r;
    }

    @Test
    void whatTenantAFetchedIsNeverServedToTenantB() {
        String tokenA = Tokens.user(TestAccounts.TENANT_A);
        String tokenB = Tokens.user(TestAccounts.TENANT_B);
        for (Path p : PATHS) {
            as(tokenA, p, TestAccounts.A).get(p.path()).then().statusCode(200);
            long aBefore = admin.requests(PA_A, p.command());
            long bBefore = admin.requests(PA_B, p.command());
            as(tokenB, p, TestAccounts.B).get(p.path()).then().statusCode(200);
            assertTrue(admin.requests(PA_B, p.command()) > bBefore, p.path() + ": B's request went to B's own connection");
            assertEquals(aBefore, admin.requests(PA_A, p.command()), p.path() + ": A's connection was not used for B");
        }
    }

    @Test
    void pushesThroughTenantAsSocketStayTenantAs() {
        InstrumentId meituan = InstrumentId.parse("3690.HK");
        market.subscribe(TestAccounts.A, Set.of(meituan), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
        admin.movePrice("3690.HK", "99.05");
        String tokenA = Tokens.user(TestAccounts.TENANT_A);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(tokenA)
                .queryParam("symbols", "3690.HK").get("/v1/quotes").then().statusCode(200)
                .body("quotes[0].last", is(99.05f)));
        long bBefore = admin.requests(PA_B, "quote 11 QuerySecurityQuote");
        given().auth().oauth2(Tokens.user(TestAccounts.TENANT_B)).queryParam("symbols", "3690.HK").get("/v1/quotes")
                .then().statusCode(200);
        assertEquals(bBefore + 1, admin.requests(PA_B, "quote 11 QuerySecurityQuote"), "B asked its own broker");
        market.unsubscribe(TestAccounts.A, Set.of(meituan), Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH));
    }

    @Test
    void anotherTenantsAccountIsNotFoundOnEveryPath() {
        String tokenA = Tokens.user(TestAccounts.TENANT_A);
        for (Path p : PATHS) {
            RequestSpecification r = as(tokenA, p, TestAccounts.B);
            if (p.path().startsWith("/tv/")) {
                if (p.path().equals("/tv/quotes") || p.path().equals("/tv/depth")) {
                    r.get(p.path()).then().statusCode(200).body("s", is("error")).body("errmsg", is("account not found"));
                }
            } else if (!p.path().equals("/v1/instruments")) { // search takes no account: it covers all of the caller's
                r.queryParam("account", TestAccounts.B).get(p.path()).then().statusCode(404)
                        .body("detail", is("account not found"));
            }
        }
    }

    @Test
    void aTenantWithoutAnAccountForTheMarketGetsNothing() {
        String tokenD = Tokens.user(TestAccounts.TENANT_D);
        String notGranted = Tokens.user(TestAccounts.TENANT_A, "acc-elsewhere");
        for (String token : List.of(tokenD, notGranted)) {
            for (Path p : PATHS) {
                var response = as(token, p, TestAccounts.A).get(p.path()).then();
                if (p.path().equals("/tv/symbol_info")) {
                    response.statusCode(200).body("s", is("error"));
                } else if (p.path().equals("/tv/quotes") || p.path().equals("/tv/depth")) {
                    response.statusCode(200).body("s", is("error")).body("errmsg", is("account not found"));
                } else if (p.path().equals("/v1/instruments")) {
                    response.statusCode(200).body("instruments", empty());
                } else {
                    response.statusCode(403).body(containsString("none of your accounts has market data"));
                }
            }
            given().auth().oauth2(token).get("/tv/groups").then().statusCode(200).body("d.groups", empty());
            given().auth().oauth2(token).get("/tv/permissions").then().statusCode(200).body("d.groups", empty());
        }
    }

}
