package io.brokergate.longport.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static JsonNode tree(Object value) throws Exception {
        return LongPortJson.mapper().readTree(LongPortJson.write(value));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static OrderJson sampleOrder() {
        return new OrderJson("706388312699592704", "NewStatus", "Tencent", "200", "0", "388.5", "0", "1651644897",
                "Buy", "700.HK", "LO", "", "", "", "Normal", "Day", "", "0", "0", "", "", "", "NOT_USED", "HKD",
                "UnknownOutsideRth", 0, 0, "", "");
    }

    @Test
    void submitOrderBodyIsByteIdenticalToTheSdkAndSignsToTheVector() {
        SubmitOrderRequest req = SubmitOrderRequest.builder("700.HK", OrderType.LO, OrderSide.BUY, "100",
                TimeInForce.DAY).submittedPrice("50").build();
        byte[] body = LongPortJson.write(req);
        assertArrayEquals(LongPortSignerTest.POST_BODY, body, new String(body, StandardCharsets.UTF_8));
        assertEquals(LongPortSignerTest.PREFIX + LongPortSignerTest.POST_SIGNATURE,
                LongPortSigner.sign("POST", "/v1/trade/order", "", "tok", "key", "1700000000", body, "secret"));
    }

    @Test
    void submitOrderKeepsExpireDateNullButOmitsOtherOptionals() throws Exception {
        JsonNode json = tree(SubmitOrderRequest.builder("AAPL.US", OrderType.MO, OrderSide.SELL, "1",
                TimeInForce.GTC).build());
        assertTrue(json.has("expire_date"));
        assertTrue(json.get("expire_date").isNull());
        assertFalse(json.has("submitted_price"));
        assertFalse(json.has("limit_depth_level"));
        assertFalse(json.has("outside_rth"));

        JsonNode full = tree(SubmitOrderRequest.builder("AAPL.US", OrderType.TSLPAMT, OrderSide.SELL, "1",
                TimeInForce.GTD).expireDate("2026-12-31").trailingAmount("0.5").limitDepthLevel(-2).triggerCount(1)
                .outsideRth(OutsideRTH.ANY_TIME).build());
        assertEquals("2026-12-31", full.get("expire_date").asText());
        assertTrue(full.get("limit_depth_level").isInt());
        assertEquals(-2, full.get("limit_depth_level").asInt());
        assertEquals("ANY_TIME", full.get("outside_rth").asText());
        assertTrue(full.get("trailing_amount").isTextual());
    }

    @Test
    void orderJsonHasEveryKeyWithIntsWhereTheSdkWantsThem() throws Exception {
        JsonNode json = tree(sampleOrder());
        assertEquals(29, json.size());
        assertTrue(json.get("limit_depth_level").isInt());
        assertTrue(json.get("trigger_count").isInt());
        assertTrue(json.get("submitted_at").isTextual());
        assertTrue(json.get("price").isTextual());
        assertEquals("", json.get("remark").asText());
    }

    @Test
    void nullStringsInResponsesBecomeEmptyNotNull() throws Exception {
        JsonNode json = tree(new OrderJson(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 0, 0, null, null));
        json.fields().forEachRemaining(e -> assertFalse(e.getValue().isNull(), e.getKey()));
    }

    @Test
    void orderJsonReadsLenientlyFromARealServer() {
        OrderJson o = LongPortJson.read(utf8("{\"order_id\":123,\"limit_depth_level\":\"\",\"trigger_count\":2,"
                + "\"submitted_at\":1651644897,\"unexpected\":{\"x\":1}}"), OrderJson.class);
        assertEquals("123", o.orderId());
        assertEquals(0, o.limitDepthLevel());
        assertEquals(2, o.triggerCount());
        assertEquals("1651644897", o.submittedAt());
        assertEquals("", o.status());
    }

    @Test
    void orderDetailFlattensTheOrderKeys() throws Exception {
        OrderDetailJson detail = new OrderDetailJson(sampleOrder(), "None", "", "", "NONE", "", "", "NONE", "", "",
                List.of(new OrderDetailJson.History("388.5", "200", "NewStatus", "", "1651644897")),
                new OrderDetailJson.ChargeDetail("1.2", "HKD", List.of(new OrderDetailJson.ChargeItem(
                        "BROKER_FEES", "Broker Fees", List.of(new OrderDetailJson.ChargeFee("1", "Commission",
                                "1.2", "HKD"))))));
        JsonNode json = tree(detail);
        assertFalse(json.has("order"));
        assertEquals("706388312699592704", json.get("order_id").asText());
        assertTrue(json.get("limit_depth_level").isInt());
        assertEquals(29 + 11, json.size());
        assertEquals("BROKER_FEES", json.get("charge_detail").get("items").get(0).get("code").asText());

        OrderDetailJson back = LongPortJson.read(LongPortJson.write(detail), OrderDetailJson.class);
        assertEquals(detail, back);
    }

    @Test
    void envelopeUsesMessageAndNeverMsg() throws Exception {
        JsonNode ok = tree(LongPortEnvelope.ok(new SubmitOrderResponse("7063")));
        assertEquals(Set.of("code", "message", "data"), keys(ok));
        assertEquals(0, ok.get("code").asInt());
        assertTrue(ok.get("data").get("order_id").isTextual());

        assertEquals("{\"code\":0,\"message\":\"success\",\"data\":{}}",
                new String(LongPortJson.write(LongPortEnvelope.okEmpty()), StandardCharsets.UTF_8));

        JsonNode error = tree(LongPortEnvelope.error(LongPortErrorCode.SIGNATURE_INVALID));
        assertEquals(403201, error.get("code").asInt());
        assertEquals(Set.of("code", "message", "data"), keys(error));
        assertEquals(403, LongPortErrorCode.ofCode(403201).httpStatus());
        assertNull(LongPortErrorCode.ofCode(1));
    }

    @Test
    void readsTypedEnvelopes() {
        LongPortEnvelope<SocketTokenJson> env = LongPortJson.readEnvelope(
                utf8("{\"code\":0,\"message\":\"success\",\"data\":{\"otp\":\"abc\",\"limit\":10,\"online\":1}}"),
                SocketTokenJson.class);
        assertTrue(env.isSuccess());
        assertEquals(new SocketTokenJson("abc", 10, 1), env.data());

        LongPortEnvelope<HistoryOrdersResponse> history = LongPortJson.readEnvelope(
                utf8("{\"code\":0,\"message\":\"\",\"data\":{\"has_more\":true,\"orders\":[]}}"),
                HistoryOrdersResponse.class);
        assertTrue(history.data().hasMore());

        LongPortEnvelope<Object> err = LongPortJson.readEnvelope(
                utf8("{\"code\":429002,\"message\":\"too fast\"}"), Object.class);
        assertFalse(err.isSuccess());
        assertNull(err.data());
    }

    @Test
    void tradePushCarriesEveryKeyTheSdkRequires() throws Exception {
        OrderChangedJson data = new OrderChangedJson("Buy", "Tencent", "200", "700.HK", "LO", "388.5", "100",
                "388.4", "7063", "HKD", "PartialFilledStatus", "1651644897", "1651644898", "", "", "Normal",
                "NOT_USED", "0", "", "", "", "ACC1", "100", "388.4", "");
        JsonNode json = tree(TradePushJson.orderChanged(data));
        assertEquals("order_changed_lb", json.get("event").asText());
        assertEquals(Set.of("side", "stock_name", "submitted_quantity", "symbol", "order_type", "submitted_price",
                "executed_quantity", "executed_price", "order_id", "currency", "status", "submitted_at",
                "updated_at", "trigger_price", "msg", "tag", "trigger_status", "trigger_at", "trailing_amount",
                "trailing_percent", "limit_offset", "account_no", "last_share", "last_price", "remark"),
                keys(json.get("data")));
        assertEquals(Set.of("event", "data"), keys(json));
        assertEquals(TradePushJson.orderChanged(data),
                LongPortJson.read(LongPortJson.write(TradePushJson.orderChanged(data)), TradePushJson.class));
    }

    @Test
    void assetAndPositionShapes() throws Exception {
        JsonNode balance = tree(new AccountBalanceResponse(List.of(new AccountBalanceJson("1000", "0", "0", "0",
                "0", "HKD", List.of(new AccountBalanceJson.CashInfo("900", "900", "100", "0", "HKD")), "1000", "0",
                "0", "1000", List.of(new AccountBalanceJson.FrozenFee("HKD", "0"))))));
        JsonNode first = balance.get("list").get(0);
        assertEquals(12, first.size());
        assertTrue(first.get("risk_level").isTextual());
        assertEquals("0", first.get("frozen_transaction_fees").get(0).get("frozen_transaction_fee").asText());

        JsonNode positions = tree(new StockPositionsResponse(List.of(new StockPositionChannelJson("lb",
                List.of(new StockPositionJson("700.HK", "Tencent", "100", "100", "HKD", "380", "HK", ""))))));
        assertEquals("700.HK", positions.get("list").get(0).get("stock_info").get(0).get("symbol").asText());

        assertEquals(Set.of("cash_max_qty", "margin_max_qty"), keys(tree(new EstimateMaxQtyJson("100", ""))));
        assertEquals(Set.of("trades"), keys(tree(new ExecutionsResponse(null))));
        assertEquals(Set.of("has_more", "trades"), keys(tree(new HistoryExecutionsResponse(false, List.of()))));
        assertEquals(Set.of("orders"), keys(tree(new TodayOrdersResponse(List.of(sampleOrder())))));
        JsonNode replace = tree(ReplaceOrderRequest.of("7063", "200", "388"));
        assertEquals(Set.of("order_id", "quantity", "price"), keys(replace));
    }

    @Test
    void enumsAreLenient() {
        assertEquals(OrderStatus.PARTIAL_FILLED, OrderStatus.fromWire("PartialFilledStatus"));
        assertEquals(OrderStatus.UNKNOWN, OrderStatus.fromWire("SomethingNew"));
        assertEquals(OrderStatus.UNKNOWN, OrderStatus.fromWire(null));
        assertTrue(OrderStatus.PARTIAL_WITHDRAWAL.isFinal());
        assertFalse(OrderStatus.NEW.isFinal());
        assertEquals(OrderTag.LONG_TERM, OrderTag.fromWire("GTC"));
        assertEquals(OrderTag.LONG_TERM, OrderTag.fromWire("Gtc"));
        assertEquals(OutsideRTH.UNKNOWN, OutsideRTH.fromWire("UnknownOutsideRth"));
        assertEquals(TriggerStatus.NOT_USED, TriggerStatus.fromWire("NOT_USED"));
        assertEquals(TimeInForce.GTD, TimeInForce.fromWire("GTD"));
        assertEquals(OrderSide.SELL, OrderSide.fromWire("Sell"));
        assertEquals(OrderType.TSMPCT, OrderType.fromWire("TSMPCT"));
        assertEquals(OrderType.UNKNOWN, OrderType.fromWire(""));
        // Jackson uses wire() and fromWire().
        assertEquals("\"FilledStatus\"", new String(LongPortJson.write(OrderStatus.FILLED), StandardCharsets.UTF_8));
        assertEquals(OrderSide.BUY, LongPortJson.read(utf8("\"Buy\""), OrderSide.class));
        assertEquals(OrderSide.UNKNOWN, LongPortJson.read(utf8("\"Short\""), OrderSide.class));
    }
}
