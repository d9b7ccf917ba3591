package io.brokergate.sim.longport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokergate.longport.proto.AuthRequest;
import io.brokergate.longport.proto.ContentType;
import io.brokergate.longport.proto.DispatchType;
import io.brokergate.longport.proto.Notification;
import io.brokergate.longport.proto.Sub;
import io.brokergate.longport.proto.SubResponse;
import io.brokergate.longport.proto.Unsub;
import io.brokergate.longport.proto.UnsubResponse;
import io.brokergate.longport.wire.ControlCommand;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.TradeCommand;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.TestExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TradeSocketTest {

    /** Every key of the order_changed_lb data the SDK demands (longport.md §4). */
    static final List<String> PUSH_KEYS = List.of("side", "stock_name", "submitted_quantity", "symbol", "order_type",
            "submitted_price", "executed_quantity", "executed_price", "order_id", "currency", "status", "submitted_at",
            "updated_at", "trigger_price", "msg", "tag", "trigger_status", "trigger_at", "trailing_amount",
            "trailing_percent", "limit_offset", "account_no", "last_share", "last_price", "remark");

    static final Duration WAIT = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    static TestExchange exchange;
    static SimExchangeServer server;

    @BeforeAll
    static void start() {
        exchange = TestExchange.start("T");
        server = exchange.server();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    static LongPortSocketClient tradeSocket(PaperCredentials c, boolean subscribe) {
        LongPortSocketClient s = LongPortSocketClient.connect(exchange.vertx(), c.tradeWsUrl());
        String otp = new LongPortRestClient(c).get("/v1/socket/token").data().get("otp").asText();
        // The SDK authenticates the trade socket with empty metadata.
        assertEquals(0, s.request(ControlCommand.AUTH, AuthRequest.newBuilder().setToken(otp).build()).status());
        if (subscribe) {
            SubResponse r = QuoteSocketTest.parse(SubResponse.parser(), s.request(TradeCommand.SUBSCRIBE,
                    Sub.newBuilder().addTopics(TradeCommand.TOPIC_PRIVATE).build()));
            assertEquals(List.of("private"), r.getSuccessList());
            assertEquals(List.of("private"), r.getCurrentList());
        }
        return s;
    }

    static JsonNode orderChange(Packet.Push p) {
        try {
            Notification n = Notification.parseFrom(p.body());
            assertEquals("private", n.getTopic());
            assertEquals(ContentType.CONTENT_TYPE_JSON, n.getContentType());
            assertEquals(DispatchType.DISPATCH_TYPE_DIRECT, n.getDispatchType());
            JsonNode json = JSON.readTree(n.getData().toByteArray());
            assertEquals("order_changed_lb", json.get("event").asText());
            return json.get("data");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean isChangeOf(Packet.Push p, String orderId, String status) {
        if (p.cmd() != TradeCommand.NOTIFY) {
            return false;
        }
        JsonNode d = orderChange(p);
        return d.get("order_id").asText().equals(orderId) && d.get("status").asText().equals(status);
    }

    static String placeLimitBuy(LongPortRestClient rest, String symbol, String qty, String price, String remark) {
        LongPortRestClient.Reply r = rest.send("POST", "/v1/trade/order", "{\"symbol\":\"" + symbol
                + "\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"" + qty
                + "\",\"time_in_force\":\"Day\",\"submitted_price\":\"" + price + "\",\"expire_date\":null,\"remark\":\""
                + remark + "\"}");
        assertEquals(0, r.code(), r.toString());
        return r.data().get("order_id").asText();
    }

    @Test
    void subscribedTradeSocketGetsOrderChangedOnAcceptAndFill() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        try (LongPortSocketClient s = tradeSocket(c, true)) {
            BigDecimal last = server.exchange().quote(io.brokergate.core.instrument.InstrumentId.parse("700.HK")).last();
            String below = last.subtract(new BigDecimal("20")).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
            String orderId = placeLimitBuy(rest, "700.HK", "100", below, "idem-42");

            JsonNode accepted = orderChange(s.awaitPush(p -> isChangeOf(p, orderId, "NewStatus"), WAIT));
            for (String key : PUSH_KEYS) {
                assertTrue(accepted.has(key), "push lacks " + key + ": " + accepted);
            }
            assertEquals(c.accountNo(), accepted.get("account_no").asText());
            assertEquals("idem-42", accepted.get("remark").asText());
            assertEquals("100", accepted.get("submitted_quantity").asText());
            assertEquals(below, accepted.get("submitted_price").asText());

            // The admin price move crosses the resting buy, which fills.
            exchange.movePrice("700.HK", new BigDecimal(below).subtract(BigDecimal.ONE).toPlainString());
            JsonNode filled = orderChange(s.awaitPush(p -> isChangeOf(p, orderId, "FilledStatus"), WAIT));
            assertEquals("100", filled.get("executed_quantity").asText());
            assertFalse(filled.get("last_share").asText().isEmpty());
            assertFalse(filled.get("last_price").asText().isEmpty());
            assertFalse(filled.get("executed_price").asText().equals("0"));
        }
    }

    @Test
    void cancelAndRejectArePushedToo() {
        PaperCredentials c = exchange.newAccount();
        LongPortRestClient rest = new LongPortRestClient(c);
        try (LongPortSocketClient s = tradeSocket(c, true)) {
            String orderId = placeLimitBuy(rest, "5.HK", "400", "50", "c1");
            s.awaitPush(p -> isChangeOf(p, orderId, "NewStatus"), WAIT);
            assertEquals(0, rest.send("DELETE", "/v1/trade/order?order_id=" + orderId, null).code());
            s.awaitPush(p -> isChangeOf(p, orderId, "CanceledStatus"), WAIT);

            LongPortRestClient.Reply rejected = rest.send("POST", "/v1/trade/order", "{\"symbol\":\"700.HK\","
                    + "\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100000000\","
                    + "\"time_in_force\":\"Day\",\"submitted_price\":\"600\",\"expire_date\":null}");
            assertEquals(400, rejected.status());
            s.awaitPush(p -> p.cmd() == TradeCommand.NOTIFY
                    && orderChange(p).get("status").asText().equals("RejectedStatus"), WAIT);
        }
    }

    @Test
    void pushesGoOnlyToSubscribedSocketsOfTheAccount() {
        PaperCredentials a = exchange.newAccount();
        PaperCredentials b = exchange.newAccount();
        try (LongPortSocketClient subscribed = tradeSocket(a, true);
             LongPortSocketClient second = tradeSocket(a, true);
             LongPortSocketClient notSubscribed = tradeSocket(a, false);
             LongPortSocketClient otherAccount = tradeSocket(b, true)) {
            String orderId = placeLimitBuy(new LongPortRestClient(a), "9988.HK", "100", "100", "fan");
            subscribed.awaitPush(p -> isChangeOf(p, orderId, "NewStatus"), WAIT);
            second.awaitPush(p -> isChangeOf(p, orderId, "NewStatus"), WAIT);
            assertFalse(notSubscribed.pushArrives(p -> p.cmd() == TradeCommand.NOTIFY, Duration.ofMillis(300)));
            assertFalse(otherAccount.pushArrives(p -> p.cmd() == TradeCommand.NOTIFY, Duration.ofMillis(100)));

            UnsubResponse u = QuoteSocketTest.parse(UnsubResponse.parser(), subscribed.request(TradeCommand.UNSUBSCRIBE,
                    Unsub.newBuilder().addTopics("private").build()));
            assertEquals(0, u.getCurrentCount());
            String next = placeLimitBuy(new LongPortRestClient(a), "9988.HK", "100", "100", "fan2");
            second.awaitPush(p -> isChangeOf(p, next, "NewStatus"), WAIT);
            assertFalse(subscribed.pushArrives(p -> p.cmd() == TradeCommand.NOTIFY, Duration.ofMillis(300)));
            assertEquals(4, server.stats().get(a.accountNo()).liveTradeSockets() + 1
                    - server.stats().get(a.accountNo()).liveQuoteSockets());
        }
    }

    @Test
    void unknownTopicIsReportedAsFailed() {
        try (LongPortSocketClient s = tradeSocket(exchange.newAccount(), false)) {
            SubResponse r = QuoteSocketTest.parse(SubResponse.parser(), s.request(TradeCommand.SUBSCRIBE,
                    Sub.newBuilder().addTopics("public").build()));
            assertEquals(1, r.getFailCount());
            assertEquals(0, r.getCurrentCount());
        }
    }
}
