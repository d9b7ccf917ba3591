package io.brokergate.longport.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.mapping.OrderRequests;
import io.brokergate.longport.rest.LongPortJson;
import io.brokergate.longport.rest.LongPortSigner;
import io.brokergate.longport.rest.SubmitOrderResponse;
import io.vertx.core.http.HttpMethod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestEncodingTest {

    private static final ApiCredentials KEYS = new ApiCredentials("key", "secret", "tok", "ACC1");

    private static LongPortRestClient client(String base, long fixedMillis) {
        return new LongPortRestClient(null, null, base, KEYS, null, Duration.ofSeconds(30), Duration.ofSeconds(5), "en",
                new RequestClock(() -> fixedMillis));
    }

    @Test
    void postBodyIsSignedWithStringDecimalsAndNullExpireDate() {
        OrderRequest r = new OrderRequest("acc", "cid-7", InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT,
                new BigDecimal("100"), new BigDecimal("50"), null, null, null, TimeInForce.DAY, null, false);
        byte[] body = LongPortJson.write(OrderRequests.toWire(r));
        String json = new String(body, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"expire_date\":null"), json);
        assertTrue(json.contains("\"submitted_quantity\":\"100\""), json);
        assertTrue(json.contains("\"submitted_price\":\"50\""), json);

        LongPortRestClient.SignedRequest signed = client("http://127.0.0.1:8080", 1_700_000_000_123L)
                .sign(RestCall.json(HttpMethod.POST, "/v1/trade/order", body, true));
        assertEquals("/v1/trade/order", signed.uri());
        assertEquals("1700000000.123", signed.headers().get("X-Timestamp"));
        assertEquals("key", signed.headers().get("X-Api-Key"));
        assertEquals("tok", signed.headers().get("Authorization"));
        assertEquals("application/json; charset=utf-8", signed.headers().get("Content-Type"));
        String sig = signed.headers().get("X-Api-Signature");
        assertTrue(sig.startsWith("HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature="), sig);
        assertTrue(LongPortSigner.verify(sig, "POST", "/v1/trade/order", "", "tok", "key", "1700000000.123", body,
                "secret").valid());
    }

    @Test
    void getAndDeleteSignTheRawQueryAndTheBasePath() {
        LongPortRestClient c = client("https://gw.example/prefix/", 1_700_000_000_000L);
        QueryString q = new QueryString().add("symbol", "700.HK").add("symbol", "AAPL.US");
        LongPortRestClient.SignedRequest get = c.sign(RestCall.get("/v1/asset/stock", q, OutboundCategory.TRADE));
        assertEquals("/prefix/v1/asset/stock?symbol=700.HK&symbol=AAPL.US", get.uri());
        assertTrue(LongPortSigner.verify(get.headers().get("X-Api-Signature"), "GET", "/prefix/v1/asset/stock",
                "symbol=700.HK&symbol=AAPL.US", "tok", "key", get.headers().get("X-Timestamp"), null, "secret").valid());
        LongPortRestClient.SignedRequest del = c.sign(RestCall.delete("/v1/trade/order", new QueryString().add("order_id", "42")));
        assertEquals("DELETE", del.method());
        assertEquals("/prefix/v1/trade/order?order_id=42", del.uri());
        assertEquals(null, del.body());
    }

    @Test
    void identicalRequestsInOneMillisecondGetDistinctTimestamps() {
        LongPortRestClient c = client("http://h", 1_700_000_000_999L);
        RestCall call = RestCall.get("/v1/trade/order/today", null, OutboundCategory.TRADE);
        String t1 = c.sign(call).headers().get("X-Timestamp");
        String t2 = c.sign(call).headers().get("X-Timestamp");
        assertEquals("1700000000.999", t1);
        assertEquals("1700000001.000", t2);
        assertNotEquals(c.sign(call).headers().get("X-Api-Signature"), c.sign(call).headers().get("X-Api-Signature"));
    }

    @Test
    void differentRequestsShareAMillisecondSoTheClockNeverRunsAhead() {
        LongPortRestClient c = client("http://h", 1_700_000_000_500L);
        for (int i = 0; i < 5_000; i++) {
            RestCall place = RestCall.json(HttpMethod.POST, "/v1/trade/order", bytes("{\"remark\":\"cid-" + i + "\"}"), true);
            assertEquals("1700000000.500", c.sign(place).headers().get("X-Timestamp"), "order " + i);
        }
    }

    @Test
    void envelopeDecoding() {
        RestCall get = RestCall.get("/v1/x", null, OutboundCategory.TRADE);
        RestCall place = RestCall.json(HttpMethod.POST, "/v1/trade/order", new byte[] {'{', '}'}, true);
        SubmitOrderResponse ok = LongPortRestClient.decode(place, 200, null,
                bytes("{\"code\":0,\"message\":\"success\",\"data\":{\"order_id\":\"701\"}}"), SubmitOrderResponse.class);
        assertEquals("701", ok.orderId());
        assertTrue(LongPortRestClient.decode(get, 200, null, bytes("{\"code\":0,\"message\":\"\",\"data\":{}}"),
                JsonNode.class).isObject());

        GatewayException lot = assertThrows(GatewayException.class, () -> LongPortRestClient.decode(place, 400, null,
                bytes("{\"code\":602002,\"message\":\"quantity must be a multiple of the lot size 100\",\"data\":null}"),
                SubmitOrderResponse.class));
        assertEquals(ErrorCode.INVALID_REQUEST, lot.code());
        assertEquals("602002", lot.brokerCode());

        GatewayException limited = assertThrows(GatewayException.class, () -> LongPortRestClient.decode(get, 429, "7",
                bytes("{\"code\":429002,\"message\":\"too fast\"}"), JsonNode.class));
        assertEquals(ErrorCode.RATE_LIMITED, limited.code());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());

        assertEquals(ErrorCode.BROKER_UNAVAILABLE, assertThrows(GatewayException.class,
                () -> LongPortRestClient.decode(get, 503, null, bytes("<html>busy</html>"), JsonNode.class)).code());
        assertEquals(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, assertThrows(GatewayException.class,
                () -> LongPortRestClient.decode(place, 504, null, bytes(""), SubmitOrderResponse.class)).code());
        assertEquals(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, assertThrows(GatewayException.class,
                () -> LongPortRestClient.decode(place, 200, null, bytes("{\"code\":0,\"message\":\"\",\"data\":null}"),
                        SubmitOrderResponse.class)).code());
        assertEquals(ErrorCode.UNAUTHENTICATED, assertThrows(GatewayException.class,
                () -> LongPortRestClient.decode(get, 403, null, bytes("{\"code\":403201,\"message\":\"signature invalid\"}"),
                        JsonNode.class)).code());
    }

    @Test
    void onlyTheBrokersOwnRateLimitRefusalsAreRetried() {
        assertTrue(LongPortRestClient.isBrokerRateLimit(io.brokergate.longport.mapping.BrokerErrors.rest(429, 429002,
                "trade calls must be at least 20 ms apart", null)));
        assertTrue(LongPortRestClient.isBrokerRateLimit(io.brokergate.longport.mapping.BrokerErrors.http(429, null)));
        // The governor's own refusal (queue full, waited too long) goes back to the caller.
        assertTrue(!LongPortRestClient.isBrokerRateLimit(new GatewayException(ErrorCode.RATE_LIMITED, "queue full",
                Duration.ofSeconds(1))));
        assertTrue(!LongPortRestClient.isBrokerRateLimit(io.brokergate.longport.mapping.BrokerErrors.rest(400, 602002,
                "lot", null)));
    }

    @Test
    void queryEncodingFollowsTheSdk() {
        assertEquals("a=x+y&b=%E4%B8%AD&c=A-z_0.9*&d=%2F%3D%26",
                new QueryString().add("a", "x y").add("b", "中").add("c", "A-z_0.9*").add("d", "/=&").add("e", "")
                        .add("f", null).toString());
    }

    @Test
    void timestampsAreSecondsWithAMillisecondFraction() {
        assertEquals("1700000000.007", RequestClock.format(1_700_000_000_007L));
        assertEquals("1700000000.070", RequestClock.format(1_700_000_000_070L));
        assertEquals("1700000000.700", RequestClock.format(1_700_000_000_700L));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHistoryWindowIsWidenedToWholeSecondsNeverNarrowed() {
        // end_at is exclusive: rounding it down would drop the orders of its last second.
        assertEquals(1_700_000_001L, LongPortTradingApi.secondsUp(java.time.Instant.ofEpochSecond(1_700_000_000L, 1)));
        assertEquals(1_700_000_000L, LongPortTradingApi.secondsUp(java.time.Instant.ofEpochSecond(1_700_000_000L)));
    }
}
