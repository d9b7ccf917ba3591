package io.brokergate.api.tradingview.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a browser on TradingView's pages sees from /tv, and what a browser on anyone else's sees. */
@QuarkusTest
class TradingViewCorsTest {

    private static final List<String> ALLOWED = List.of("https://www.tradingview.com", "https://beta.tradingview.com",
            "https://in.beta.tradingview.com", "https://brokers.xstaging.tv", "http://localhost:6285");
    private static final List<String> REFUSED = List.of("https://evil.example", "https://tradingview.com.evil.example",
            "https://eviltradingview.com", "http://www.tradingview.com", "https://www.tradingview.com:8443",
            "https://tradingview.com", "http://localhost:6286", "null", "https://a..tradingview.com");

    @Test
    void preflightsFromTradingViewAreAnsweredWithTheOriginAndAMaxAge() {
        for (String origin : ALLOWED) {
            preflight(origin, "POST", "authorization, content-type").statusCode(204)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", containsString("DELETE"))
                    .header("Access-Control-Allow-Headers", "authorization, content-type")
                    .header("Access-Control-Max-Age", "7200")
                    .header("Vary", containsString("Origin"))
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
    }

    @Test
    void preflightsFromOtherOriginsAreRefusedWithoutCorsHeaders() {
        for (String origin : REFUSED) {
            preflight(origin, "PUT", "authorization").statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        }
        preflight("https://www.tradingview.com", "GET", "x-evil\r\nset-cookie: a").statusCode(204)
                .header("Access-Control-Allow-Headers", nullValue());
    }

    @Test
    void everyAnswerToAnAllowedOriginCarriesTheOriginWhateverItsStatus() {
        String origin = "https://www.tradingview.com";
        from(origin).get("/tv/probe").then().statusCode(200).header("Access-Control-Allow-Origin", origin);
        from(origin).get("/tv/probe/unauthorized").then().statusCode(401).header("Access-Control-Allow-Origin", origin)
                .body("s", is("error"));
        from(origin).get("/tv/probe/nope").then().statusCode(404).header("Access-Control-Allow-Origin", origin)
                .body("s", is("error")).body("errmsg", is("no such resource"));
        from(origin).get("/tv/probe/boom").then().statusCode(500).header("Access-Control-Allow-Origin", origin)
                .body("s", is("error")).body("errmsg", not(containsString("secret")));
        from(origin).contentType("application/json").body("{\"a\":\"" + "x".repeat(4_000) + "\"}").post("/tv/probe/json")
                .then().statusCode(413).header("Access-Control-Allow-Origin", origin).body("s", is("error"));
    }

    @Test
    void otherOriginsAndTheNativeApiGetNoCorsHeaders() {
        from("https://evil.example").get("/tv/probe").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
        from("https://www.tradingview.com").get("/v1/probe").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/tv/probe").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void frameworkFailuresOnTradingViewPathsComeInItsEnvelope() {
        given().contentType("text/plain").body("x").post("/tv/probe/json").then().statusCode(415)
                .contentType(containsString("application/json")).body("s", is("error"))
                .body("errmsg", is("unsupported content type"));
        given().contentType("application/json").body("{\"a\":").post("/tv/probe/json").then().statusCode(400)
                .body("s", is("error"));
        given().delete("/tv/probe").then().statusCode(405).body("s", is("error"));
        given().get("/v1/probe/nope").then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    private static io.restassured.specification.RequestSpecification from(String origin) {
        return given().header("Origin", origin);
    }

    private static ValidatableResponse preflight(String origin, String method, String headers) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).options("/tv/probe").then();
    }
}
