package io.brokergate.api.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void taxonomyErrorsKeepTheirStatusCodeAndRetryAfter() {
        given().get("/test/problems/limited").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "2")
                .body("code", is("rate_limited"))
                .body("retryable", is(true))
                .body("status", is(429))
                .body("detail", containsString("5 per second"))
                .body("instance", is("/test/problems/limited"));
    }

    @Test
    void unexpectedFailuresNeverLeakDetailsOrStackTraces() {
        given().get("/test/problems/boom").then().statusCode(500)
                .body("code", is("internal"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at io.brokergate")));
    }

    @Test
    void malformedJsonWrongMediaTypeAndUnknownPathsAreProblems() {
        given().contentType("application/json").body("{\"a\": ").post("/test/problems/echo").then().statusCode(400)
                .body("code", is("invalid_request"));
        given().contentType("text/plain").body("hi").post("/test/problems/echo").then().statusCode(415)
                .body("code", is("unsupported_media_type"));
        given().get("/test/problems/nope").then().statusCode(404).body("code", is("not_found"));
        given().delete("/test/problems/limited").then().statusCode(405).body("title", is("Method not allowed"));
    }

    @Test
    void anEnvelopeOwningThePathRendersEveryFailureKindInstead() {
        given().get("/test/enveloped/limited").then().statusCode(429).contentType(startsWith("text/plain"))
                .header("Retry-After", "2").body(is("rate_limited: order rate limit of 5 per second reached"));
        given().get("/test/enveloped/boom").then().statusCode(500).body(startsWith("internal: unexpected error; incident"))
                .body(not(containsString("secret internal detail")));
        given().contentType("application/json").body("{\"a\": ").post("/test/enveloped/echo").then().statusCode(400)
                .body(startsWith("invalid_request: "));
        given().contentType("text/plain").body("hi").post("/test/enveloped/echo").then().statusCode(415)
                .body(is("unsupported_media_type: unsupported content type"));
        given().get("/test/enveloped/nope").then().statusCode(404).body(is("not_found: no such resource"));
        given().delete("/test/enveloped/limited").then().statusCode(405).body(is("not_found: Method not allowed"));
        given().get("/test/problems/nope").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
