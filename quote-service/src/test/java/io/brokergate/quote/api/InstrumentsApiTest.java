package io.brokergate.quote.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.quote.testing.SimMarket;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Instrument search and reference data, trading calendars, order books and recent trades. */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class InstrumentsApiTest {

    @InjectFakeAuthServer
    FakeAuthServer auth;
    @Inject
    SimMarket market;
    String token;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        token = Tokens.user(TestAccounts.TENANT_A);
    }

    @Test
    void searchFindsByNameSymbolPrefixAndExactSymbol() {
        given().auth().oauth2(token).queryParam("query", "tenc").get("/v1/instruments").then().statusCode(200)
                .body("instruments[0].symbol", is("700.HK")).body("instruments[0].name", is("Tencent Holdings"));
        given().auth().oauth2(token).queryParam("query", "tencent holdings").get("/v1/instruments").then().statusCode(200)
                .body("instruments.symbol", contains("700.HK"));
        given().auth().oauth2(token).queryParam("query", "app").queryParam("market", "US").get("/v1/instruments").then()
                .statusCode(200).body("instruments.symbol", contains("AAPL.US")).body("instruments[0].currency", is("USD"));
        given().auth().oauth2(token).queryParam("query", "30005.HK").get("/v1/instruments").then().statusCode(200)
                .body("instruments[0].symbol", is("30005.HK")).body("instruments[0].name", is("Extra 5"));
        given().auth().oauth2(token).queryParam("query", "a").queryParam("limit", "2").get("/v1/instruments").then()
                .statusCode(200).body("instruments", hasSize(lessThanOrEqualTo(2)));
        given().auth().oauth2(token).get("/v1/instruments").then().statusCode(400).body("detail", containsString("query is required"));
        given().auth().oauth2(token).queryParam("query", "a").queryParam("market", "XX").get("/v1/instruments").then()
                .statusCode(400).body("detail", containsString("unknown market 'XX'"));
    }

    @Test
    void referenceDataHasTickAndLotSizeCurrencyMarketAndSessions() {
        given().auth().oauth2(token).get("/v1/instruments/700.HK").then().statusCode(200)
                .body("symbol", is("700.HK")).body("name", is("Tencent Holdings")).body("type", is("stock"))
                .body("market", is("HK")).body("currency", is("HKD")).body("lot_size", is(100))
                .body("tick_schedule", hasSize(11)).body("tick_schedule[0].tick", is(0.001f))
                .body("tick_size", is(0.5f)) // the spread-table tick at Tencent's price (500 to 1000)
                .body("tradable", is(true)).body("timezone", is("Asia/Hong_Kong"))
                .body("trading_sessions.begin", contains("09:30:00", "13:00:00"))
                .body("trading_sessions.end", contains("12:00:00", "16:00:00"))
                .body("trading_sessions.type", everyItem(is("regular")));
        given().auth().oauth2(token).get("/v1/instruments/HSI.HK").then().statusCode(200)
                .body("type", is("index")).body("tradable", is(false));
        given().auth().oauth2(token).get("/v1/instruments/AAPL.US").then().statusCode(200)
                .body("lot_size", is(1)).body("currency", is("USD")).body("tick_size", is(0.01f))
                .body("timezone", is("America/New_York"));
        given().auth().oauth2(token).get("/v1/instruments/ZZZZ.HK").then().statusCode(404).body("detail", is("unknown symbol ZZZZ.HK"));
        given().auth().oauth2(token).get("/v1/instruments/nonsense").then().statusCode(400);
    }

    @Test
    void calendarsListTradingDaysWithoutWeekendsAndHolidays() {
        given().auth().oauth2(token).queryParams(Map.of("from", "2026-03-30", "to", "2026-04-10")).get("/v1/calendar/HK")
                .then().statusCode(200).body("market", is("HK")).body("timezone", is("Asia/Hong_Kong"))
                .body("trading_days", contains("2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-07",
                        "2026-04-08", "2026-04-09", "2026-04-10"))
                .body("sessions", hasSize(2));
        given().auth().oauth2(token).queryParams(Map.of("from", "2026-01-01", "to", "2026-01-31")).get("/v1/calendar/US")
                .then().statusCode(200).body("trading_days", not(hasItem("2026-01-19"))).body("sessions[0].begin", is("09:30:00"));
        given().auth().oauth2(token).queryParams(Map.of("from", "2026-01-01", "to", "2027-06-01")).get("/v1/calendar/HK")
                .then().statusCode(400).body("detail", is("at most 366 days per calendar request"));
        given().auth().oauth2(token).queryParams(Map.of("from", "2026-02-01", "to", "2026-01-01")).get("/v1/calendar/HK")
                .then().statusCode(400).body("detail", is("from (2026-02-01) is after to (2026-01-01)"));
        given().auth().oauth2(token).queryParam("from", "01/02/2026").get("/v1/calendar/HK").then().statusCode(400)
                .body("detail", is("from must be a date YYYY-MM-DD"));
        given().auth().oauth2(token).get("/v1/calendar/MOON").then().statusCode(400).body("detail", containsString("unknown market"));
    }

    @Test
    void depthAndTradesComeBestFirstAndOldestFirst() {
        var book = given().auth().oauth2(token).queryParam("symbol", "9988.HK").get("/v1/depth").then().statusCode(200)
                .body("symbol", is("9988.HK")).body("bids.size()", greaterThan(1)).body("asks.size()", greaterThan(1))
                .extract().jsonPath();
        List<BigDecimal> bids = book.getList("bids.price", BigDecimal.class);
        List<BigDecimal> asks = book.getList("asks.price", BigDecimal.class);
        for (int i = 1; i < bids.size(); i++) {
            assertTrue(bids.get(i).compareTo(bids.get(i - 1)) < 0, "bids best (highest) first: " + bids);
        }
        for (int i = 1; i < asks.size(); i++) {
            assertTrue(asks.get(i).compareTo(asks.get(i - 1)) > 0, "asks best (lowest) first: " + asks);
        }
        assertTrue(bids.get(0).compareTo(asks.get(0)) < 0);
        market.admin().movePrice("30050.HK", "10.2");
        given().auth().oauth2(token).queryParams(Map.of("symbol", "30050.HK", "count", "5")).get("/v1/trades").then()
                .statusCode(200).body("symbol", is("30050.HK")).body("trades[-1].price", is(10.2f))
                .body("trades[-1].aggressor", is("buyer"));
        given().auth().oauth2(token).queryParams(Map.of("symbol", "30050.HK", "count", "5000")).get("/v1/trades").then()
                .statusCode(400).body("detail", is("count must be a whole number from 1 to 1000"));
        given().auth().oauth2(token).queryParam("symbol", "ZZZZ.HK").get("/v1/depth").then().statusCode(404);
        given().auth().oauth2(token).get("/v1/depth").then().statusCode(400).body("detail", containsString("symbol is required"));
    }
}
