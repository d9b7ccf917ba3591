package io.brokergate.quote.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /q/openapi} documents every endpoint of the service, with examples. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyEndpointIsDocumentedWithExamples() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        for (String path : List.of("/v1/quotes", "/v1/candles", "/v1/depth", "/v1/trades", "/v1/instruments",
                "/v1/instruments/{symbol}", "/v1/calendar/{market}", "/tv/quotes", "/tv/depth", "/tv/history",
                "/tv/symbol_info", "/tv/groups", "/tv/permissions", "/tv/mapping")) {
            doc.body("paths", hasKey(path));
            doc.body("paths.'" + path + "'.get.responses.'200'.content.'application/json'.examples", notNullValue());
        }
        doc.body("paths.'/v1/quotes'.get.responses.'200'.content.'application/json'.examples.'one symbol'.value.quotes[0].symbol",
                is("700.HK"));
        doc.body("paths.'/v1/quotes'.get.responses.'400'.content.'application/problem+json'.examples", notNullValue());
        doc.body("components.securitySchemes.bearer.scheme", is("bearer"));
    }
}
