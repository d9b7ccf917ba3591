package io.brokergate.sim.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.MultiSecurityRequest;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import io.brokergate.sim.longport.LongPortRestClient;
import io.brokergate.sim.longport.LongPortSocketClient;
import io.brokergate.sim.longport.RawWebSocket;
import io.brokergate.sim.server.Await;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.TestExchange;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    static TestExchange exchange;
    static SimExchangeServer server;

    @BeforeAll
    static void start() {
        exchange = TestExchange.start("AD");
        server = exchange.server();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    static LongPortRestClient.Reply admin(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.httpUrl() + path)).timeout(WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return LongPortRestClient.exchange(b.build());
    }

    static LongPortSocketClient quoteSocket(PaperCredentials c) {
        LongPortSocketClient s = LongPortSocketClient.connect(exchange.vertx(), c.quoteWsUrl());
        String otp = new LongPortRestClient(c).get("/v1/socket/token").data().get("otp").asText();
        assertEquals(0, s.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()).status());
        return s;
    }

    static boolean isQuote(Packet.Push p, String symbol, String last) {
        if (p.cmd() != QuoteCommand.PUSH_QUOTE) {
            return false;
        }
        try {
            PushQuote q = PushQuote.parseFrom(p.body());
            return q.getSymbol().equals(symbol) && (last == null || q.getLastDone().equals(last));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void accountsListShowsLongPortCredentialsAndUrls() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient.Reply r = admin("GET", "/admin/accounts", null);
        assertEquals(200, r.status());
        JsonNode mine = null;
        for (JsonNode a : r.body().get("accounts")) {
            if (a.get("account_no").asText().equals(c.accountNo())) {
                mine = a;
            }
        }
        assertNotNull(mine, r.toString());
        assertEquals(c.appKey(), mine.get("app_key").asText());
        assertEquals(c.appSecret(), mine.get("app_secret").asText());
        assertEquals(c.accessToken(), mine.get("access_token").asText());
        assertEquals(server.httpUrl(), mine.get("http_url").asText());
        assertEquals(server.quoteWebSocketUrl(), mine.get("quote_ws_url").asText());
        assertEquals(server.tradeWebSocketUrl(), mine.get("trade_ws_url").asText());
    }

    @Test
    void createdAccountIsFundedAndUsableWithItsCredentials() {
        LongPortRestClient.Reply created = admin("POST", "/admin/accounts",
                "{\"name\":\"Created\",\"funding\":{\"USD\":\"5000\"}}");
        assertEquals(201, created.status(), created.toString());
        JsonNode c = created.body();
        LongPortRestClient client = new LongPortRestClient(c.get("http_url").asText(), c.get("app_key").asText(),
                c.get("app_secret").asText(), c.get("access_token").asText());
        JsonNode balances = client.get("/v1/asset/account?currency=USD").data().get("list");
        assertEquals(1, balances.size(), balances.toString());
        assertEquals(0, new BigDecimal("5000").compareTo(new BigDecimal(balances.get(0).get("total_cash").asText())));

        assertEquals(409, admin("POST", "/admin/accounts",
                "{\"account_no\":\"" + c.get("account_no").asText() + "\"}").status());
        assertEquals(400, admin("POST", "/admin/accounts", "{bad json").status());
        assertEquals(400, admin("POST", "/admin/accounts", "{\"colour\":\"red\"}").status());
        assertEquals(201, admin("POST", "/admin/accounts", null).status(), "an empty body uses defaults");
    }

    @Test
    void resetForgetsOrders() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        assertEquals(0, rest.send("POST", "/v1/trade/order", "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":"
                + "\"Buy\",\"submitted_quantity\":\"100\",\"time_in_force\":\"Day\",\"submitted_price\":\"100\"}").code());
        assertEquals(1, rest.get("/v1/trade/order/today").data().get("orders").size());
        LongPortRestClient.Reply r = admin("POST", "/admin/accounts/" + c.accountNo() + "/reset", null);
        assertEquals(200, r.status(), r.toString());
        assertEquals(0, rest.get("/v1/trade/order/today").data().get("orders").size());
        assertEquals(404, admin("POST", "/admin/accounts/NOBODY/reset", null).status());
    }

    @Test
    void resetWithFundingStartsTheAccountAfreshWithThatCash() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        String reset = "/admin/accounts/" + c.accountNo() + "/reset";
        assertEquals(200, admin("POST", reset, "{\"funding\":{\"USD\":\"123456789\"}}").status());
        JsonNode usd = rest.get("/v1/asset/account?currency=USD").data().get("list").get(0);
        assertEquals(0, new BigDecimal("123456789").compareTo(new BigDecimal(usd.get("total_cash").asText())), usd.toString());
        assertEquals(400, admin("POST", reset, "{\"funding\":{}}").status());
        assertEquals(400, admin("POST", reset, "{\"funding\":{\"USD\":\"-1\"}}").status());
        assertEquals(400, admin("POST", reset, "{\"fund\":{\"USD\":\"1\"}}").status());
    }

    @Test
    void ordersListsEveryOrderOfTheAccountWithItsRemarkUntilAReset() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        for (String remark : List.of("cid-1", "cid-2")) {
            assertEquals(0, rest.send("POST", "/v1/trade/order", "{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":"
                    + "\"Buy\",\"submitted_quantity\":\"100\",\"time_in_force\":\"Day\",\"submitted_price\":\"100\","
                    + "\"remark\":\"" + remark + "\"}").code());
        }
        String path = "/admin/accounts/" + c.accountNo() + "/orders";
        LongPortRestClient.Reply listed = admin("GET", path, null);
        assertEquals(200, listed.status(), listed.toString());
        JsonNode orders = listed.body().get("orders");
        assertEquals(2, orders.size(), orders.toString());
        assertEquals("cid-1", orders.get(0).get("remark").asText());
        assertEquals("cid-2", orders.get(1).get("remark").asText());
        assertEquals("700.HK", orders.get(0).get("symbol").asText());
        assertEquals("WORKING", orders.get(0).get("status").asText());
        assertEquals("100", orders.get(0).get("quantity").asText());
        assertFalse(orders.get(0).get("order_id").asText().isBlank());

        assertEquals(200, admin("POST", "/admin/accounts/" + c.accountNo() + "/reset", null).status());
        assertEquals(0, admin("GET", path, null).body().get("orders").size());
        assertEquals(404, admin("GET", "/admin/accounts/NOBODY/orders", null).status());
    }

    @Test
    void dropSocketsCloseSendsClosePushAbruptDoesNot() throws Exception {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient quote = quoteSocket(c)) {
            LongPortRestClient.Reply r = admin("POST", "/admin/accounts/" + c.accountNo()
                    + "/drop-sockets?mode=close&socket=quote", null);
            assertEquals(200, r.status(), r.toString());
            assertEquals(1, r.body().get("dropped").asInt());
            assertTrue(quote.awaitClosed(WAIT));
            assertNotNull(quote.closePush());
            assertEquals(Close.Code.SERVER_ERROR, quote.closePush().getCode());
        }
        Await.until("quote socket released", WAIT, () -> server.stats().get(c.accountNo()).liveQuoteSockets() == 0);
        // Abrupt: watch the raw frames, since a WebSocket library would hide whether a close frame came.
        try (RawWebSocket raw = RawWebSocket.open(server.port(), "/quote/v2?version=1&codec=1&platform=9")) {
            String otp = new LongPortRestClient(c).get("/v1/socket/token").data().get("otp").asText();
            raw.sendBinary(PacketCodec.encode(Packets.request(ControlCommand.AUTH, 1, 5000,
                    AuthRequest.newBuilder().setToken(otp).build())));
            RawWebSocket.Frame auth = raw.next();
            assertEquals(0, ((Packet.Response) PacketCodec.decode(auth.payload())).status());
            LongPortRestClient.Reply r = admin("POST", "/admin/accounts/" + c.accountNo()
                    + "/drop-sockets?mode=abrupt&socket=all", null);
            assertEquals(1, r.body().get("dropped").asInt());
            List<RawWebSocket.Frame> rest = raw.readUntilClosed();
            assertTrue(rest.stream().noneMatch(f -> f.opcode() == 0x2), "abrupt means no Close push");
            assertTrue(rest.stream().noneMatch(f -> f.opcode() == 0x8), "abrupt means no WebSocket close frame");
        }
        // The account may connect again at once: the dropped socket no longer counts.
        try (LongPortSocketClient again = quoteSocket(c)) {
            assertFalse(again.isClosed());
        }
        assertEquals(400, admin("POST", "/admin/accounts/" + c.accountNo() + "/drop-sockets?mode=gentle", null).status());
        assertEquals(400, admin("POST", "/admin/accounts/" + c.accountNo() + "/drop-sockets?socket=fax", null).status());
        assertEquals(404, admin("POST", "/admin/accounts/NOBODY/drop-sockets", null).status());
    }

    @Test
    void pausedPushesAreDroppedUntilResumed() {
        PaperCredentials c = exchange.newAccount();
        try (LongPortSocketClient s = quoteSocket(c)) {
            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, SubscribeRequest.newBuilder().addSymbol("3690.HK")
                    .addSubType(SubType.SUB_TYPE_QUOTE).build()).status());
            assertEquals(200, admin("POST", "/admin/pushes/pause?account=" + c.accountNo(), null).status());
            assertEquals(200, admin("POST", "/admin/instruments/3690.HK/price", "{\"price\":\"99\"}").status());
            assertFalse(s.pushArrives(p -> isQuote(p, "3690.HK", null), Duration.ofMillis(300)));

            LongPortRestClient.Reply resumed = admin("POST", "/admin/pushes/resume?account=" + c.accountNo(), null);
            assertEquals(200, resumed.status());
            assertEquals(0, resumed.body().get("paused_accounts").size());
            assertEquals(200, admin("POST", "/admin/instruments/3690.HK/price", "{\"price\":\"100\"}").status());
            s.awaitPush(p -> isQuote(p, "3690.HK", "100"), WAIT);

            assertEquals(200, admin("POST", "/admin/pushes/pause", null).status());
            assertTrue(server.faults().allPushesPaused());
            assertEquals(200, admin("POST", "/admin/pushes/resume", null).status());
            assertFalse(server.faults().allPushesPaused());
            assertEquals(404, admin("POST", "/admin/pushes/pause?account=NOBODY", null).status());
        }
    }

    @Test
    void latencyDelaysRestAndSocketResponses() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        try (LongPortSocketClient s = quoteSocket(c)) {
            LongPortRestClient.Reply set = admin("POST", "/admin/latency", "{\"millis\":200}");
            assertEquals(200, set.status(), set.toString());
            try {
                long t0 = System.nanoTime();
                assertEquals(0, rest.get("/v1/asset/account").code());
                long restMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(restMs >= 190, "REST answered in " + restMs + " ms");
                t0 = System.nanoTime();
                assertEquals(0, s.request(QuoteCommand.QUERY_SECURITY_QUOTE,
                        MultiSecurityRequest.newBuilder().addSymbol("700.HK").build()).status());
                long socketMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(socketMs >= 190, "socket answered in " + socketMs + " ms");
            } finally {
                assertEquals(200, admin("POST", "/admin/latency", "{\"millis\":0}").status());
            }
            assertEquals(0, server.faults().latencyMillis());
            assertEquals(400, admin("POST", "/admin/latency", "{\"millis\":-5}").status());
            assertEquals(400, admin("POST", "/admin/latency", "{}").status());
            assertEquals(400, admin("POST", "/admin/latency", null).status());
        }
    }

    @Test
    void priceMoveAndInstrumentList() {
        LongPortRestClient.Reply moved = admin("POST", "/admin/instruments/AAPL.US/price", "{\"price\":\"270.01\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("270.01", moved.body().get("price").asText());
        assertEquals(404, admin("POST", "/admin/instruments/NOPE.US/price", "{\"price\":\"1\"}").status());
        assertEquals(400, admin("POST", "/admin/instruments/AAPL.US/price", "{\"price\":\"abc\"}").status());
        assertEquals(400, admin("POST", "/admin/instruments/AAPL.US/price", "{\"price\":\"-1\"}").status());

        LongPortRestClient.Reply list = admin("GET", "/admin/instruments", null);
        assertEquals(200, list.status());
        JsonNode aapl = null;
        for (JsonNode i : list.body().get("instruments")) {
            if (i.get("symbol").asText().equals("AAPL.US")) {
                aapl = i;
            }
        }
        assertNotNull(aapl);
        assertEquals("270.01", aapl.get("last").asText());
        assertEquals("USD", aapl.get("currency").asText());
    }

    @Test
    void statsShowRequestsSocketsAndSubscriptions() {
        PaperCredentials c = exchange.newAccount();
        new LongPortRestClient(c).get("/v1/trade/order/today");
        try (LongPortSocketClient s = quoteSocket(c)) {
            assertEquals(0, s.request(QuoteCommand.SUBSCRIBE, SubscribeRequest.newBuilder().addSymbol("700.HK")
                    .addSymbol("5.HK").addSubType(SubType.SUB_TYPE_QUOTE).build()).status());
            LongPortRestClient.Reply r = admin("GET", "/admin/stats", null);
            assertEquals(200, r.status());
            JsonNode mine = r.body().get("accounts").get(c.accountNo());
            assertNotNull(mine, r.toString());
            assertEquals(1, mine.get("requests").get("GET /v1/trade/order/today").asInt());
            assertEquals(1, mine.get("requests").get("quote 6 Subscribe").asInt());
            assertEquals(1, mine.get("live_quote_sockets").asInt());
            assertEquals(1, mine.get("max_concurrent_quote_sockets").asInt());
            assertEquals(0, mine.get("refused_duplicate_quote_sockets").asInt());
            assertEquals(2, mine.get("subscribed_symbols").asInt());
            assertTrue(r.body().get("live_sockets").asInt() >= 1);
        }
        assertEquals(404, admin("GET", "/admin/nothing", null).status());
    }
}
