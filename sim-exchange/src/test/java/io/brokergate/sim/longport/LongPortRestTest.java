package io.brokergate.sim.longport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.QuietExchange;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import io.brokergate.sim.server.TestExchange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LongPortRestTest {

    /** Every key the SDK's Order decoder demands (longport.md §1.6). */
    static final List<String> ORDER_KEYS = List.of("order_id", "status", "stock_name", "quantity", "executed_quantity",
            "price", "executed_price", "submitted_at", "side", "symbol", "order_type", "last_done", "trigger_price",
            "msg", "tag", "time_in_force", "expire_date", "updated_at", "trigger_at", "trailing_amount",
            "trailing_percent", "limit_offset", "trigger_status", "currency", "outside_rth", "limit_depth_level",
            "trigger_count", "monitor_price", "remark");

    static TestExchange exchange;
    static SimExchangeServer server;
    static PaperCredentials creds;
    static LongPortRestClient rest;

    @BeforeAll
    static void start() {
        // Generous trade limit here; the limit itself has its own tests below.
        exchange = TestExchange.start("R");
        server = exchange.server();
        creds = server.registerAccount(new PaperAccountSpec("ACC1", "Rest test", "key-1", "secret-1", "token-1",
                Map.of()));
        rest = new LongPortRestClient(creds);
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void correctlySignedRequestIsAccepted() {
        LongPortRestClient.Reply r = rest.get("/v1/asset/account");
        assertEquals(200, r.status(), r.toString());
        assertEquals(0, r.code());
        assertEquals("success", r.body().get("message").asText());
        assertTrue(r.data().get("list").size() > 0, r.toString());
        JsonNode first = r.data().get("list").get(0);
        for (String key : List.of("total_cash", "max_finance_amount", "remaining_finance_amount", "risk_level",
                "margin_call", "currency", "cash_infos", "net_assets", "init_margin", "maintenance_margin", "buy_power",
                "frozen_transaction_fees")) {
            assertTrue(first.has(key), "balance lacks " + key);
        }
    }

    @Test
    void timestampInSecondsFractionOrMillisIsAccepted() {
        long now = System.currentTimeMillis();
        assertEquals(0, rest.send("GET", "/v1/asset/stock?symbol=700.HK&symbol=AAPL.US", null,
                Long.toString(now / 1000)).code());
        assertEquals(0, rest.send("GET", "/v1/asset/stock", null, (now / 1000) + ".123").code());
        assertEquals(0, rest.send("GET", "/v1/asset/stock", null, Long.toString(now + 1)).code());
    }

    @Test
    void tamperedBodyOrWrongSecretIsRejected() {
        String body = "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100\","
                + "\"time_in_force\":\"Day\",\"submitted_price\":\"1\",\"expire_date\":null}";
        byte[] signed = body.getBytes(StandardCharsets.UTF_8);
        byte[] sent = body.replace("\"100\"", "\"900\"").getBytes(StandardCharsets.UTF_8);
        LongPortRestClient.Reply tampered = rest.sendSigned("POST", "/v1/trade/order", signed, sent,
                LongPortRestClient.freshTimestamp(), null);
        assertEquals(403, tampered.status());
        assertEquals(403201, tampered.code());

        LongPortRestClient.Reply wrongSecret = rest.withSecret("not-the-secret").get("/v1/asset/account");
        assertEquals(403, wrongSecret.status());
        assertEquals(403201, wrongSecret.code());
        assertTrue(wrongSecret.data().isNull(), "errors carry data: null");

        LongPortRestClient.Reply tamperedQuery = rest.sendSigned("GET", "/v1/asset/stock?symbol=700.HK",
                new byte[0], new byte[0], LongPortRestClient.freshTimestamp(),
                LongPortRestClient.signatureFor(creds, "GET", "/v1/asset/stock?symbol=5.HK", null,
                        LongPortRestClient.freshTimestamp()));
        assertEquals(403201, tamperedQuery.code());
    }

    @Test
    void staleFutureOrUnparsableTimestampIsRejected() {
        long now = System.currentTimeMillis();
        for (String ts : List.of(Long.toString(now / 1000 - 120), Long.toString(now + 120_000), "yesterday", "")) {
            LongPortRestClient.Reply r = rest.send("GET", "/v1/asset/account", null, ts);
            assertEquals(403, r.status(), ts + " -> " + r);
            assertEquals(403201, r.code(), ts + " -> " + r);
        }
    }

    @Test
    void replayedRequestIsRejectedAsDuplicate() {
        String ts = LongPortRestClient.freshTimestamp();
        String sig = LongPortRestClient.signatureFor(creds, "GET", "/v1/trade/order/today", null, ts);
        LongPortRestClient.Reply first = rest.sendSigned("GET", "/v1/trade/order/today", new byte[0], new byte[0], ts, sig);
        assertEquals(0, first.code(), first.toString());
        LongPortRestClient.Reply replay = rest.sendSigned("GET", "/v1/trade/order/today", new byte[0], new byte[0], ts, sig);
        assertEquals(403, replay.status());
        assertEquals(403202, replay.code());
        // The same call signed with a new timestamp is a new request.
        assertEquals(0, rest.get("/v1/trade/order/today").code());
    }

    @Test
    void unknownAppKeyIsRejected() {
        LongPortRestClient.Reply r = rest.withAppKey("nobody").get("/v1/asset/account");
        assertEquals(403, r.status());
        assertEquals(403203, r.code());
    }

    @Test
    void wrongTokenIsRejected() {
        LongPortRestClient.Reply r = rest.withToken("stale-token").get("/v1/asset/account");
        assertEquals(401, r.status());
        assertEquals(401003, r.code());
    }

    @Test
    void malformedJsonWrongTypesMissingFieldsAndOversizedBodiesAre400() {
        for (String body : List.of("{not json", "[1,2]", "{\"symbol\":{\"a\":1}}", "null",
                "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"time_in_force\":\"Day\"}",
                "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"abc\",\"time_in_force\":\"Day\"}",
                "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100\",\"time_in_force\":\"Day\",\"limit_depth_level\":\"x\"}")) {
            LongPortRestClient.Reply r = rest.send("POST", "/v1/trade/order", body);
            assertEquals(400, r.status(), body + " -> " + r);
            assertEquals(602009, r.code(), body + " -> " + r);
            assertFalse(r.body().get("message").asText().isEmpty());
        }
        LongPortRestClient.Reply missing = rest.send("POST", "/v1/trade/order",
                "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"time_in_force\":\"Day\"}");
        assertTrue(missing.body().get("message").asText().contains("submitted_quantity"), missing.toString());

        String huge = "{\"remark\":\"" + "x".repeat(70 * 1024) + "\"}";
        LongPortRestClient.Reply big = rest.send("POST", "/v1/trade/order", huge);
        assertEquals(400, big.status(), big.toString());
        assertTrue(big.body().get("message").asText().contains("65536"), big.toString());

        LongPortRestClient.Reply noOrderId = rest.send("DELETE", "/v1/trade/order", null);
        assertEquals(400, noOrderId.status());
        assertEquals(602009, noOrderId.code());
    }

    @Test
    void submittedOrderAppearsInTodayOrdersWithEveryKey() {
        String body = "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100\","
                + "\"time_in_force\":\"Day\",\"submitted_price\":\"100\",\"expire_date\":null,\"remark\":\"idem-key-1\"}";
        LongPortRestClient.Reply submitted = rest.send("POST", "/v1/trade/order", body);
        assertEquals(0, submitted.code(), submitted.toString());
        JsonNode orderId = submitted.data().get("order_id");
        assertTrue(orderId.isTextual(), "order_id must be a JSON string: " + submitted);

        JsonNode orders = rest.get("/v1/trade/order/today").data().get("orders");
        JsonNode mine = null;
        for (JsonNode o : orders) {
            if (o.get("order_id").asText().equals(orderId.asText())) {
                mine = o;
            }
        }
        assertTrue(mine != null, "order not in today orders: " + orders);
        for (String key : ORDER_KEYS) {
            assertTrue(mine.has(key), "order lacks " + key + ": " + mine);
        }
        assertEquals("idem-key-1", mine.get("remark").asText());
        assertEquals("NewStatus", mine.get("status").asText());
        assertEquals("LO", mine.get("order_type").asText());
        assertEquals("100", mine.get("quantity").asText());
        assertEquals("100", mine.get("price").asText());
        assertTrue(mine.get("limit_depth_level").isInt() && mine.get("trigger_count").isInt());
        assertTrue(mine.get("order_id").isTextual());

        // Filters by status name, and the detail view.
        assertEquals(0, rest.get("/v1/trade/order/today?status=FilledStatus&symbol=700.HK").data().get("orders").size()
                - countFilled(rest.get("/v1/trade/order/today").data().get("orders")));
        JsonNode detail = rest.get("/v1/trade/order?order_id=" + orderId.asText()).data();
        assertEquals(orderId.asText(), detail.get("order_id").asText());
        for (String key : List.of("free_status", "deductions_status", "history", "charge_detail")) {
            assertTrue(detail.has(key), "detail lacks " + key);
        }

        // Replace, then withdraw: both answer data {}.
        LongPortRestClient.Reply replaced = rest.send("PUT", "/v1/trade/order",
                "{\"order_id\":\"" + orderId.asText() + "\",\"quantity\":\"200\",\"price\":\"101\"}");
        assertEquals(0, replaced.code(), replaced.toString());
        assertTrue(replaced.data().isObject() && replaced.data().isEmpty());
        LongPortRestClient.Reply withdrawn = rest.send("DELETE", "/v1/trade/order?order_id=" + orderId.asText(), null);
        assertEquals(0, withdrawn.code(), withdrawn.toString());
        assertTrue(withdrawn.data().isObject() && withdrawn.data().isEmpty());
        LongPortRestClient.Reply again = rest.send("DELETE", "/v1/trade/order?order_id=" + orderId.asText(), null);
        assertEquals(400, again.status());
        assertEquals(602008, again.code());
    }

    private static int countFilled(JsonNode orders) {
        int n = 0;
        for (JsonNode o : orders) {
            if (o.get("status").asText().equals("FilledStatus") && o.get("symbol").asText().equals("700.HK")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void marketOrderFillsAndShowsInExecutionsAndPositions() {
        LongPortRestClient.Reply r = rest.send("POST", "/v1/trade/order", "{\"symbol\":\"AAPL.US\",\"order_type\":\"MO\","
                + "\"side\":\"Buy\",\"submitted_quantity\":\"5\",\"time_in_force\":\"Day\",\"expire_date\":null}");
        assertEquals(0, r.code(), r.toString());
        String orderId = r.data().get("order_id").asText();
        JsonNode trades = rest.get("/v1/trade/execution/today?order_id=" + orderId).data().get("trades");
        assertTrue(trades.size() > 0, trades.toString());
        for (String key : List.of("order_id", "trade_id", "symbol", "trade_done_at", "quantity", "price")) {
            assertTrue(trades.get(0).has(key), "execution lacks " + key);
        }
        JsonNode channels = rest.get("/v1/asset/stock?symbol=AAPL.US").data().get("list");
        JsonNode position = channels.get(0).get("stock_info").get(0);
        assertEquals("AAPL.US", position.get("symbol").asText());
        assertEquals("US", position.get("market").asText());
        assertEquals(0, rest.get("/v1/trade/execution/history").code());
        assertEquals(0, rest.get("/v1/trade/order/history").code());
        JsonNode estimate = rest.get("/v1/trade/estimate/buy_limit?symbol=AAPL.US&order_type=LO&side=Buy&price=100").data();
        assertTrue(Long.parseLong(estimate.get("cash_max_qty").asText()) > 0, estimate.toString());
    }

    @Test
    void businessRejectsCarryTheSimCodes() {
        assertReject(602001, order("NOPE.HK", "LO", "Buy", "100", "10"));
        assertReject(602002, order("700.HK", "LO", "Buy", "150", "100"));
        assertReject(602003, order("700.HK", "LO", "Buy", "100", "100.03"));
        assertReject(602004, order("700.HK", "LO", "Buy", "10000000", "600"));
        assertReject(602005, order("MSFT.US", "LO", "Sell", "10", "500"));
        assertReject(602010, order("HSI.HK", "LO", "Buy", "1", "25800"));
        assertReject(602009, order("700.HK", "TSLPAMT", "Buy", "100", "100"));
        assertReject(602009, order("700.HK", "LO", "Hold", "100", "100"));
        LongPortRestClient.Reply unknownOrder = rest.send("DELETE", "/v1/trade/order?order_id=999999", null);
        assertEquals(602007, unknownOrder.code(), unknownOrder.toString());
        LongPortRestClient.Reply unknownDetail = rest.get("/v1/trade/order?order_id=999999");
        assertEquals(602007, unknownDetail.code(), unknownDetail.toString());
    }

    private static String order(String symbol, String type, String side, String qty, String price) {
        return "{\"symbol\":\"" + symbol + "\",\"order_type\":\"" + type + "\",\"side\":\"" + side
                + "\",\"submitted_quantity\":\"" + qty + "\",\"time_in_force\":\"Day\",\"submitted_price\":\"" + price
                + "\",\"expire_date\":null}";
    }

    private static void assertReject(int code, String body) {
        LongPortRestClient.Reply r = rest.send("POST", "/v1/trade/order", body);
        assertEquals(400, r.status(), body + " -> " + r);
        assertEquals(code, r.code(), body + " -> " + r);
    }

    @Test
    void socketTokenIsAnOtpWithLimitAndOnline() {
        JsonNode a = rest.get("/v1/socket/token").data();
        JsonNode b = rest.get("/v1/socket/token").data();
        assertNotEquals(a.get("otp").asText(), b.get("otp").asText());
        assertEquals(10, a.get("limit").asInt());
        assertEquals(0, a.get("online").asInt());
    }

    @Test
    void tokenRefreshReplacesTheToken() {
        PaperCredentials c = server.registerAccount(new PaperAccountSpec("ACC-REFRESH", null, "key-r", "secret-r",
                "token-r", Map.of()));
        LongPortRestClient client = new LongPortRestClient(c);
        LongPortRestClient.Reply r = client.get("/v1/token/refresh?expired_at=2099-01-01T00:00:00Z");
        assertEquals(0, r.code(), r.toString());
        String token = r.data().get("token").asText();
        assertFalse(token.isEmpty());
        assertEquals(401003, client.get("/v1/asset/account").code());
        assertEquals(0, client.withToken(token).get("/v1/asset/account").code());
        assertTrue(server.accounts().stream().anyMatch(a -> a.accessToken().equals(token)));
    }

    @Test
    void unknownPathIsA404Envelope() {
        LongPortRestClient.Reply r = rest.get("/v1/nothing/here");
        assertEquals(404, r.status());
        assertNotEquals(0, r.code());
        assertTrue(r.body().has("message") && r.body().has("data"));
    }

    @Test
    void requestsAreCountedPerAccountAndEndpoint() {
        PaperCredentials c = server.registerAccount(new PaperAccountSpec("ACC-COUNT", null, "key-c", "secret-c",
                "token-c", Map.of()));
        LongPortRestClient client = new LongPortRestClient(c);
        for (int i = 0; i < 3; i++) {
            client.get("/v1/trade/order/today");
        }
        client.get("/v1/asset/account");
        assertEquals(3, server.stats().get("ACC-COUNT").requestCount("GET /v1/trade/order/today"));
        assertEquals(4, server.stats().get("ACC-COUNT").totalRequests());
    }

    // ------------------------------------------------------------------ trade rate limit

    @Test
    void tradeCallsBeyondTheWindowGet429002() {
        try (SimExchangeServer limited = QuietExchange.server(SimServerSettings.defaults().withLimits(
                LongPortLimits.defaults().withTradeCalls(5, Duration.ofSeconds(30)).withTradeMinSpacing(Duration.ZERO)))) {
            LongPortRestClient client = new LongPortRestClient(limited.registerAccount(
                    new PaperAccountSpec("L1", null, "k", "s", "t", Map.of())));
            for (int i = 0; i < 5; i++) {
                assertEquals(0, client.get("/v1/trade/order/today").code());
            }
            LongPortRestClient.Reply sixth = client.get("/v1/trade/order/today");
            assertEquals(429, sixth.status());
            assertEquals(429002, sixth.code());
            // Not a trade call: the OTP endpoint is not limited.
            assertEquals(0, client.get("/v1/socket/token").code());
        }
    }

    @Test
    void defaultTradeLimitIs30Per30SecondsAnd20MillisecondsApart() throws InterruptedException {
        LongPortLimits d = LongPortLimits.defaults();
        assertEquals(30, d.tradeCallsPerWindow());
        assertEquals(Duration.ofSeconds(30), d.tradeWindow());
        assertEquals(Duration.ofMillis(20), d.tradeMinSpacing());
        try (SimExchangeServer defaults = QuietExchange.server(SimServerSettings.defaults())) {
            LongPortRestClient client = new LongPortRestClient(defaults.registerAccount(
                    new PaperAccountSpec("D1", null, "k", "s", "t", Map.of())));
            for (int i = 0; i < 30; i++) {
                LongPortRestClient.Reply r = client.get("/v1/trade/order/today");
                assertEquals(0, r.code(), "call " + (i + 1) + ": " + r);
                Thread.sleep(25); // honour the 20 ms spacing
            }
            LongPortRestClient.Reply thirtyFirst = client.get("/v1/trade/order/today");
            assertEquals(429, thirtyFirst.status());
            assertEquals(429002, thirtyFirst.code());
        }
    }

    @Test
    void tradeCallsCloserThan20MillisecondsGet429002() {
        try (SimExchangeServer spaced = QuietExchange.server(SimServerSettings.defaults().withLimits(
                LongPortLimits.defaults().withTradeMinSpacing(Duration.ofSeconds(5))))) {
            LongPortRestClient client = new LongPortRestClient(spaced.registerAccount(
                    new PaperAccountSpec("S1", null, "k", "s", "t", Map.of())));
            assertEquals(0, client.get("/v1/asset/account").code());
            LongPortRestClient.Reply tooSoon = client.get("/v1/asset/account");
            assertEquals(429, tooSoon.status());
            assertEquals(429002, tooSoon.code());
        }
    }
}
