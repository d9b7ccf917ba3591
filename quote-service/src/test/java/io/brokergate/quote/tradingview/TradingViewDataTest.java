package io.brokergate.quote.tradingview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.tradingview.testing.OpenApiSchema;
import io.brokergate.quote.testing.SimMarketProfile;
import io.brokergate.quote.testing.TestAccounts;
import io.brokergate.quote.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code /tv} data endpoints against TradingView's own OpenAPI document
 * (src/test/resources/tradingview/tradingview-broker-api.yaml), and who may call them.
 */
@QuarkusTest
@TestProfile(SimMarketProfile.class)
@WithTestResource(FakeAuthServerResource.class)
class TradingViewDataTest {

    static final OpenApiSchema SPEC = OpenApiSchema.tradingView();
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeAuthServer
    FakeAuthServer auth;
    String user;
    String server;

    @BeforeEach
    void setUp() {
        Tokens.publish(auth);
        user = Tokens.user(TestAccounts.TENANT_A);
        server = Tokens.server(TestAccounts.TENANT_A);
    }

    /** GET, HTTP 200, and the body valid against the spec's schema for the path; returns the body. */
    static JsonNode valid(RequestSpecification request, String path) {
        String body = request.get("/tv" + path).then().statusCode(200).contentType(containsString("application/json"))
                .extract().asString();
        JsonNode json = read(body);
        List<String> problems = SPEC.check(path, 200, json);
        assertTrue(problems.isEmpty(), path + " " + body + " -> " + problems);
        return json;
    }

    @Test
    void quotesAndDepthHaveTheSpecsShape() {
        JsonNode quotes = valid(given().auth().oauth2(user).queryParams(Map.of("locale", "en", "accountId", TestAccounts.A,
                "symbols", "700.HK,AAPL.US")), "/quotes");
        assertEquals("700.HK", quotes.at("/d/0/n").asText(), "the symbol as asked");
        assertTrue(quotes.at("/d/0/v/ask").decimalValue().compareTo(quotes.at("/d/0/v/bid").decimalValue()) > 0,
                "ask above bid, from the order book");
        JsonNode depth = valid(given().auth().oauth2(user).queryParams(Map.of("locale", "en", "accountId", TestAccounts.A,
                "symbol", "700.HK")), "/depth");
        assertAscending(depth.at("/d/asks"));
        assertAscending(depth.at("/d/bids"));
        assertTrue(depth.at("/d/bids/" + (depth.at("/d/bids").size() - 1) + "/0").decimalValue()
                .compareTo(depth.at("/d/asks/0/0").decimalValue()) < 0, "best bid below best ask");
    }

    @Test
    void dataIntegrationAnswersTheServerTokenInTheSpecsShape() {
        JsonNode info = valid(given().auth().oauth2(server), "/symbol_info");
        assertEquals(12, info.path("symbol").size(), "the whole catalog: tenant-a's paper account serves HK, US and CN");
        JsonNode hk = valid(given().auth().oauth2(server).queryParam("group", "brokergate_hk"), "/symbol_info");
        given().auth().oauth2(server).queryParam("group", "brokergate_hk").get("/tv/symbol_info").then()
                .body("symbol", contains("700.HK", "9988.HK", "5.HK", "1810.HK", "3690.HK", "HSI.HK"))
                .body("timezone", everyItem(is("Asia/Hong_Kong")))
                .body("session-regular", everyItem(is("0930-1200,1300-1600")))
                .body("exchange-listed", everyItem(is("HKEX")))
                .body("pricescale", everyItem(is(1000))).body("minmovement", everyItem(is(1)))
                .body("type", contains("stock", "stock", "stock", "stock", "stock", "index"))
                .body("has-no-volume", contains(false, false, false, false, false, true));
        assertEquals(6, hk.path("description").size());
        JsonNode groups = valid(given().auth().oauth2(server), "/groups");
        assertEquals(List.of("brokergate_hk", "brokergate_us", "brokergate_cn"),
                JSON.convertValue(groups.at("/d/groups").findValuesAsText("id"), List.class));
        long now = Instant.now().getEpochSecond();
        JsonNode history = valid(given().auth().oauth2(server).queryParams(Map.of("symbol", "700.HK", "resolution", "D",
                "from", Long.toString(now - Duration.ofDays(20).toSeconds()), "to", Long.toString(now))), "/history");
        assertTrue(history.path("t").size() >= 10, "about two weeks of daily bars");
        JsonNode empty = valid(given().auth().oauth2(server).queryParams(Map.of("symbol", "700.HK", "resolution", "D",
                "from", "978307200", "to", "981000000")), "/history");
        assertEquals(0, empty.path("t").size(), "2001: no data, empty arrays");
    }

    @Test
    void permissionsAndMappingHaveTheSpecsShape() {
        JsonNode permissions = valid(given().auth().oauth2(user), "/permissions");
        assertEquals(3, permissions.at("/d/groups").size());
        JsonNode mapping = valid(given(), "/mapping");
        assertEquals(12, mapping.path("symbols").size());
        given().get("/tv/mapping").then().body("symbols.find { it.f[0] == '700.HK' }.s", is("HKEX:700"))
                .body("symbols.find { it.f[0] == 'AAPL.US' }.s", is("NASDAQ:AAPL"))
                .body("symbols.find { it.f[0] == '600519.SH' }.s", is("SSE:600519"))
                .body("fields", contains("brokerSymbol"));
    }

    @Test
    void errorsUseTheEnvelopeOfTheSpec() {
        for (Map<String, String> bad : List.of(
                Map.of("symbol", "ZZZZ.HK", "resolution", "D", "from", "1772323200", "to", "1772409600"),
                Map.of("symbol", "700.HK", "resolution", "D", "from", "1772409600", "to", "1772323200"),
                Map.of("symbol", "700.HK", "resolution", "D", "from", "0", "to", "3155760000"),
                Map.of("symbol", "700.HK", "resolution", "2", "from", "1772323200", "to", "1772409600"),
                Map.of("symbol", "700.HK", "resolution", "D", "from", "1772323200"))) {
            JsonNode error = valid(given().auth().oauth2(server).queryParams(bad), "/history");
            assertEquals("error", error.path("s").asText(), bad.toString());
        }
        given().auth().oauth2(server).queryParams(Map.of("symbol", "ZZZZ.HK", "resolution", "D", "from", "1772323200",
                "to", "1772409600")).get("/tv/history").then().body("errmsg", is("unknown symbol ZZZZ.HK"));
        given().auth().oauth2(server).queryParams(Map.of("symbol", "700.HK", "resolution", "D", "from", "0",
                "to", "3155760000")).get("/tv/history").then().body("errmsg", containsString("is too long for resolution 1D"));
        given().auth().oauth2(server).queryParams(Map.of("symbol", "700.HK", "resolution", "2", "from", "1772323200",
                "to", "1772409600")).get("/tv/history").then().body("errmsg", containsString("unsupported resolution '2'"));
        JsonNode quotes = valid(given().auth().oauth2(user).queryParams(Map.of("locale", "en", "accountId", TestAccounts.A,
                "symbols", "ZZZZ.HK")), "/quotes");
        assertEquals("unknown symbol ZZZZ.HK", quotes.path("errmsg").asText());
        given().auth().oauth2(server).queryParam("group", "nobody_hk").get("/tv/symbol_info").then().statusCode(200)
                .body("s", is("error")).body("errmsg", is("unknown group 'nobody_hk': see /tv/groups"));
    }

    @Test
    void theServerTokenIsForDataIntegrationOnly() {
        for (String path : List.of("/tv/quotes?symbols=700.HK&accountId=acc-a&locale=en",
                "/tv/depth?symbol=700.HK&accountId=acc-a&locale=en", "/tv/permissions")) {
            given().auth().oauth2(server).get(path).then().statusCode(403).body("s", is("error"))
                    .body("errmsg", containsString("server-to-server token"));
        }
        for (String path : List.of("/tv/history?symbol=700.HK&resolution=D&from=1772323200&to=1772409600",
                "/tv/symbol_info", "/tv/groups")) {
            given().auth().oauth2(server).get(path).then().statusCode(200).body("s", is("ok"));
            given().get(path).then().statusCode(401).body("s", is("error"));
        }
        given().auth().oauth2(user).get("/tv/groups").then().statusCode(200).body("d.groups.id", hasItem("brokergate_hk"));
    }

    private static void assertAscending(JsonNode levels) {
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(levels.get(i).get(0).decimalValue().compareTo(levels.get(i - 1).get(0).decimalValue()) > 0,
                    "ascending by price: " + levels);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
