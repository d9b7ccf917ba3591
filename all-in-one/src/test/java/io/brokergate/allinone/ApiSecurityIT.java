package io.brokergate.allinone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The packaged application refuses what no credential store could accept, before any key or API
 * key lookup: protected endpoints need a bearer credential, only RS256 tokens are considered, and
 * failures are problem+json with an RFC 6750 challenge. Public metadata and health stay open.
 */
@QuarkusIntegrationTest
class ApiSecurityIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String CHALLENGE = "Bearer realm=\"brokergate\"";

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header) {
        String claims = "{\"iss\":\"brokergate\",\"sub\":\"admin\",\"aud\":\"brokergate\",\"tenant\":\"t1\","
                + "\"scope\":\"accounts:read trade admin\",\"accts\":[\"*\"],\"exp\":4102444800}";
        return b64(header) + "." + b64(claims) + ".c2lnbmF0dXJl";
    }

    @Test
    void protectedEndpointsNeedABearerCredential() {
        given().get("/v1/session").then().statusCode(401).contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", is(CHALLENGE)).body("code", is("unauthenticated"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/v1/session").then().statusCode(401)
                .header("WWW-Authenticate", is(CHALLENGE));
    }

    @Test
    void unsignedAndNonRs256TokensAreRefused() {
        for (String alg : new String[] {"none", "HS256", "ES256"}) {
            given().header("Authorization", "Bearer " + token("{\"alg\":\"" + alg + "\",\"kid\":\"k1\"}")).get("/v1/session")
                    .then().statusCode(401).contentType(startsWith(PROBLEM))
                    .header("WWW-Authenticate", startsWith(CHALLENGE + ", error=\"invalid_token\""))
                    .body("detail", is("token algorithm not accepted"));
        }
        given().header("Authorization", "Bearer " + token("{\"alg\":\"RS256\"}")).get("/v1/session")
                .then().statusCode(401).body("detail", is("token has no key id"));
    }

    @Test
    void malformedHeadersAre401NotServerErrors() {
        given().header("Authorization", "Bearer a b").get("/v1/session").then().statusCode(401)
                .body("detail", is("malformed Authorization header"));
        given().header("Authorization", "Bearer " + "x".repeat(10 * 1024)).get("/v1/session").then().statusCode(401)
                .body("detail", is("credential too long"));
        given().header("Authorization", "Bearer not-a-jwt").get("/v1/session").then().statusCode(401)
                .body("detail", is("token malformed"));
    }

    @Test
    void publicMetadataAndHealthNeedNoCredential() {
        given().get("/v1/brokers").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
