package io.brokergate.trade.tradingview;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.api.security.testing.TestTokens;
import io.brokergate.api.tradingview.testing.OpenApiSchema;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/**
 * TradingView's side of the facade: bearer token, {@code locale}, form bodies. Every answer it
 * reads is checked against the spec operation's schema ({@link OpenApiSchema#tradingView()}).
 */
final class TradingViewClient {

    static final OpenApiSchema SPEC = OpenApiSchema.tradingView();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;

    private TradingViewClient(String token) {
        this.token = token;
    }

    static TradingViewClient as(String tenant, String scopes, String... accounts) {
        return new TradingViewClient(TestTokens.token(scopes).subject("tv-user-" + tenant).tenant(tenant).accounts(accounts).rs256());
    }

    RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token);
    }

    /** GET of a spec path such as {@code /accounts/{accountId}/orders}, with the account filled in; the answer validated. */
    JsonNode get(String specPath, String accountId, String query) {
        String path = "/tv" + specPath.replace("{accountId}", accountId == null ? "" : accountId) + "?locale=en"
                + (query == null ? "" : "&" + query);
        return valid("GET", specPath, request().get(path));
    }

    /** A form request to a spec operation; {@code actualPath} fills the path parameters; the answer validated. */
    JsonNode form(String method, String specPath, String actualPath, String form) {
        RequestSpecification r = request().contentType("application/x-www-form-urlencoded");
        if (form != null) {
            r = r.body(form);
        }
        String path = "/tv" + actualPath + (actualPath.contains("?") ? "&" : "?") + "locale=en";
        return valid(method, specPath, r.request(method, path));
    }

    static JsonNode valid(String method, String specPath, Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode body;
        try {
            body = JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
        assertEquals(List.of(), SPEC.check(method, specPath, 200, body), method + " " + specPath + " " + body);
        return body;
    }

    static String ok(JsonNode body) {
        assertEquals("ok", body.path("s").asText(), body.toString());
        return body.toString();
    }
}
