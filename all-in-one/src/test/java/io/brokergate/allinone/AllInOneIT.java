package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Launches the packaged all-in-one application (as {@code ./brokergate} does) and checks, as a
 * client, what a new user gets from one command: every service up, the demo data seeded, and the
 * gateway holding its paper account's sockets through the LongPort protocol.
 */
@QuarkusIntegrationTest
class AllInOneIT {

    @Test
    void everyServiceIsLiveAndTheGatewayIsReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("auth-service", "quote-service", "trade-service", "stream-service"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("paper-exchange", "upstream-sessions", "Database connections health check"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void firstStartSeedsOneFundedPaperAccountAndTheGatewayConnectsToItOverLongPort() {
        String paperUrl = paperExchangeUrl();
        List<Map<String, Object>> accounts = given().baseUri(paperUrl).get("/admin/accounts")
                .then().statusCode(200).extract().jsonPath().getList("accounts");
        assertEquals(1, accounts.size(), "exactly the demo account");
        Map<String, Object> demo = accounts.get(0);
        String accountNo = (String) demo.get("account_no");
        for (String key : List.of("app_key", "app_secret", "access_token")) {
            assertFalse(String.valueOf(demo.get(key)).isBlank(), key + " is listed so LongPort clients can use it");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'upstream-sessions' }.data.'paper:" + accountNo + "'", is("connected")));
        JsonPath stats = given().baseUri(paperUrl).get("/admin/stats").then().statusCode(200).extract().jsonPath();
        assertTrue(stats.getInt("accounts.'" + accountNo + "'.live_trade_sockets") == 1,
                "the gateway holds exactly one trade socket for the account");
        assertTrue(stats.getInt("accounts.'" + accountNo + "'.max_concurrent_quote_sockets") <= 1,
                "never two quote sockets for one account");
        given().get("/q/metrics").then().body(containsString("brokergate_upstream_sessions{state=\"connected\"} 1.0"));
    }

    @Test
    void theCapabilityMapIsServedAndErrorsAreProblemJson() {
        given().get("/v1/brokers").then().statusCode(200).body("broker", hasItems("paper", "longport"));
        given().get("/v1/brokers/nobody").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", is("not_found"));
        given().get("/v1/no-such-endpoint").then().statusCode(404).body("code", is("not_found"));
    }

    private static String paperExchangeUrl() {
        return given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getString("checks.find { it.name == 'paper-exchange' }.data.url");
    }
}
