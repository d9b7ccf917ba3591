package io.brokergate.longport.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import io.brokergate.longport.rest.LongPortJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrderRequestsTest {

    private static OrderRequest limit(String symbol, String qty, String price) {
        return new OrderRequest("acc", "cid-1", InstrumentId.parse(symbol), Side.BUY, OrderType.LIMIT,
                new BigDecimal(qty), new BigDecimal(price), null, null, null, TimeInForce.DAY, null, false);
    }

    private static String json(Object o) {
        return new String(LongPortJson.write(o), StandardCharsets.UTF_8);
    }

    @Test
    void limitOrderBodyHasStringDecimalsAndNullExpireDate() {
        String body = json(OrderRequests.toWire(limit("700.HK", "100", "388.50")));
        assertEquals("{\"symbol\":\"700.HK\",\"order_type\":\"LO\",\"side\":\"Buy\",\"submitted_quantity\":\"100\","
                + "\"time_in_force\":\"Day\",\"submitted_price\":\"388.5\",\"expire_date\":null,\"remark\":\"cid-1\"}", body);
    }

    @Test
    void usOrdersCarryOutsideRth() {
        OrderRequest r = new OrderRequest("acc", null, InstrumentId.parse("AAPL.US"), Side.SELL, OrderType.STOP_LIMIT,
                new BigDecimal("5"), new BigDecimal("180.10"), new BigDecimal("181"), null, null,
                TimeInForce.GOOD_TILL_DATE, LocalDate.of(2026, 12, 31), true);
        String body = json(OrderRequests.toWire(r));
        assertTrue(body.contains("\"order_type\":\"LIT\""), body);
        assertTrue(body.contains("\"submitted_price\":\"180.1\""), body);
        assertTrue(body.contains("\"trigger_price\":\"181\""), body);
        assertTrue(body.contains("\"expire_date\":\"2026-12-31\""), body);
        assertTrue(body.contains("\"outside_rth\":\"ANY_TIME\""), body);
        assertTrue(body.contains("\"time_in_force\":\"GTD\""), body);
    }

    @Test
    void trailingStopByPercent() {
        OrderRequest r = new OrderRequest("acc", null, InstrumentId.parse("700.HK"), Side.SELL, OrderType.TRAILING_STOP,
                new BigDecimal("100"), null, null, null, new BigDecimal("2.5"), TimeInForce.DAY, null, false);
        String body = json(OrderRequests.toWire(r));
        assertTrue(body.contains("\"order_type\":\"TSLPPCT\""), body);
        assertTrue(body.contains("\"trailing_percent\":\"2.5\""), body);
        assertTrue(body.contains("\"limit_offset\":\"0\""), body);
    }

    @Test
    void unsupportedCombinationsFailBeforeSending() {
        OrderRequest ioc = new OrderRequest("acc", null, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT,
                BigDecimal.TEN, BigDecimal.ONE, null, null, null, TimeInForce.IMMEDIATE_OR_CANCEL, null, false);
        OrderRequest hkRth = new OrderRequest("acc", null, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT,
                BigDecimal.TEN, BigDecimal.ONE, null, null, null, TimeInForce.DAY, null, true);
        OrderRequest nse = limit("RELIANCE.NSE", "1", "2500");
        OrderRequest stopOnLimit = new OrderRequest("acc", null, InstrumentId.parse("700.HK"), Side.BUY, OrderType.LIMIT,
                BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, null, null, TimeInForce.DAY, null, false);
        for (OrderRequest r : new OrderRequest[] {ioc, hkRth, nse, stopOnLimit}) {
            assertEquals(ErrorCode.INVALID_REQUEST,
                    assertThrows(GatewayException.class, () -> OrderRequests.toWire(r)).code());
        }
    }

    @Test
    void amendmentKeepsTheCurrentQuantity() {
        String body = json(OrderRequests.toWire(new OrderAmendment("acc", "42", null, new BigDecimal("380.00"), null),
                new BigDecimal("300")));
        assertEquals("{\"order_id\":\"42\",\"quantity\":\"300\",\"price\":\"380\"}", body);
    }
}
