package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged application owns its accounts through local ownership and reports their sockets in
 * the session gauge. (Read-only: the application is shared with the other ITs, which expect the
 * demo account's socket untouched.)
 */
@QuarkusIntegrationTest
class UpstreamSessionsIT {

    @Test
    void locallyOwnedAccountsAreCountedByTheirSocketState() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*brokergate_upstream_sessions\\{state=\"connected\",?\\} [1-9].*")));
        given().get("/q/metrics").then()
                .body(matchesPattern("(?s).*brokergate_upstream_sessions\\{state=\"failed\",?\\} 0\\.0.*"));
    }
}
