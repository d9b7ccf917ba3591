package io.brokergate.auth.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthServiceHealthTest {

    @Test
    void liveAndReadyWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("auth-service"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
