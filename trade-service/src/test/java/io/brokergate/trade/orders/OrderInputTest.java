package io.brokergate.trade.orders;

import static io.brokergate.trade.sim.SimTradingAccounts.ACCOUNT_A;
import static io.brokergate.trade.sim.SimTradingAccounts.TENANT_A;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed, missing, oversized and hostile order input: a clear problem+json, never a 500, never a broker call. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class OrderInputTest {

    @InjectFakeAuthServer
    FakeAuthServer authServer;

    private final TradeApi trader = TradeApi.as(TENANT_A, "trade accounts:read", ACCOUNT_A);

    @BeforeEach
    void keys() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no symbol | {\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | symbol is required",
            "no side | {\"symbol\":\"700.HK\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | side is required",
            "bad side | {\"symbol\":\"700.HK\",\"side\":\"hold\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | side must be one of buy, sell",
            "no quantity | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"limit_price\":600} | quantity is required",
            "zero quantity | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":0,\"limit_price\":600} | quantity must be positive",
            "negative quantity | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":-100,\"limit_price\":600} | quantity must be positive",
            "huge quantity | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":1e308,\"limit_price\":600} | quantity is larger than",
            "no limit price | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100} | limit_price is required",
            "wrong lot | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":150,\"limit_price\":600} | is not a whole number of lots of 100",
            "wrong tick | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600.3} | is not on the tick size",
            "unknown symbol | {\"symbol\":\"99999.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | unknown symbol 99999.HK",
            "bad symbol | {\"symbol\":\"<script>\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | is not TICKER.MARKET",
            "unsupported market | {\"symbol\":\"RELIANCE.NSE\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":1,\"limit_price\":600} | does not trade the NSE market",
            "bad date | {\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600,\"time_in_force\":\"good_till_date\",\"expire_date\":\"tomorrow\"} | expire_date must be an ISO date",
            "long key | {\"client_order_id\":\"" + "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk" + "\",\"symbol\":\"700.HK\",\"side\":\"buy\",\"type\":\"limit\",\"quantity\":100,\"limit_price\":600} | client_order_id must be 1 to 64 characters",
    })
    void invalidOrdersAreRejectedWithTheReason(String name, String body, String reason) {
        trader.place(ACCOUNT_A, body).then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("detail", containsString(reason));
    }

    @Test
    void malformedJsonNaNAndWrongTypesAre400() {
        for (String body : new String[] {"{", "[]", "{\"symbol\":\"700.HK\",\"quantity\":NaN}", "{\"quantity\":\"lots\"}", "null"}) {
            trader.place(ACCOUNT_A, body).then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void wrongContentTypeIs415() {
        trader.request().contentType("text/plain").body("symbol=700.HK").post("/v1/accounts/" + ACCOUNT_A + "/orders")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"symbol\":\"700.HK\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        trader.place(ACCOUNT_A, huge).then().statusCode(413);
    }

    @Test
    void badListingParametersAre400() {
        for (String q : new String[] {"limit=0", "limit=501", "limit=abc", "cursor=%25%25", "cursor=bm90IGEgY3Vyc29y",
                "status=sleeping", "from=yesterday", "symbol=%3Cx%3E"}) {
            trader.get("/v1/accounts/" + ACCOUNT_A + "/orders?" + q).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void modifyNeedsSomethingToChange() {
        trader.request().contentType("application/json").body("{}").patch("/v1/accounts/" + ACCOUNT_A + "/orders/123")
                .then().statusCode(400).body("detail", is("give at least one of quantity, limit_price, stop_price"));
        trader.request().contentType("application/json").body("{\"quantity\": -1}").patch("/v1/accounts/" + ACCOUNT_A + "/orders/123")
                .then().statusCode(400);
        trader.request().contentType("application/json").body("{\"quantity\": 100}").patch("/v1/accounts/" + ACCOUNT_A + "/orders/no-such")
                .then().statusCode(404).body("detail", is("order not found"));
    }
}
