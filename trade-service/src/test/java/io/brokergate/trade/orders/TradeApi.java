package io.brokergate.trade.orders;

import static io.restassured.RestAssured.given;

import io.brokergate.api.security.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A client of the native order API, as a bot would use it. */
public final class TradeApi {

    private final String token;

    private TradeApi(String token) {
        this.token = token;
    }

    public static TradeApi as(String tenant, String scopes, String... accounts) {
        return new TradeApi(TestTokens.token(scopes).subject("user-" + tenant).tenant(tenant).accounts(accounts).rs256());
    }

    public RequestSpecification request() {
        return given().header("Authorization", "Bearer " + token);
    }

    public Response place(String accountId, String json) {
        return request().contentType(ContentType.JSON).body(json).post("/v1/accounts/" + accountId + "/orders");
    }

    public Response get(String path) {
        return request().get(path);
    }

    public static String limitBuy(String clientOrderId, String quantity, String price) {
        return "{\"client_order_id\":\"" + clientOrderId + "\",\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"quantity\":" + quantity + ",\"limit_price\":" + price + "}";
    }
}
