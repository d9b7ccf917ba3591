package io.brokergate.core.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    private static OrderRequest limit(String qty, String price) {
        return new OrderRequest("a1", "c1", TENCENT, Side.BUY, OrderType.LIMIT,
                qty == null ? null : new BigDecimal(qty), price == null ? null : new BigDecimal(price),
                null, null, null, TimeInForce.DAY, null, false);
    }

    private static GatewayException rejected(Runnable r) {
        GatewayException e = assertThrows(GatewayException.class, r::run);
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        return e;
    }

    @Test
    void acceptsAWellFormedLimitOrder() {
        assertEquals(new BigDecimal("380"), limit("100", "380").referencePrice());
    }

    @Test
    void rejectsMissingZeroNegativeAndAbsurdQuantities() {
        assertTrue(rejected(() -> limit(null, "1")).getMessage().contains("quantity is required"));
        assertTrue(rejected(() -> limit("0", "1")).getMessage().contains("positive"));
        assertTrue(rejected(() -> limit("-100", "1")).getMessage().contains("positive"));
        assertTrue(rejected(() -> limit("1e308", "1")).getMessage().contains("larger"));
    }

    @Test
    void limitOrdersNeedALimitPriceAndMarketOrdersMustNotHaveOne() {
        assertTrue(rejected(() -> limit("100", null)).getMessage().contains("limit_price"));
        rejected(() -> new OrderRequest("a1", "c1", TENCENT, Side.BUY, OrderType.MARKET, BigDecimal.TEN,
                BigDecimal.ONE, null, null, null, null, null, false));
    }

    @Test
    void stopOrdersNeedATriggerAndGtdNeedsADate() {
        rejected(() -> new OrderRequest("a1", "c1", TENCENT, Side.SELL, OrderType.STOP, BigDecimal.TEN,
                null, null, null, null, null, null, false));
        rejected(() -> new OrderRequest("a1", "c1", TENCENT, Side.SELL, OrderType.LIMIT, BigDecimal.TEN,
                BigDecimal.ONE, null, null, null, TimeInForce.GOOD_TILL_DATE, null, false));
    }

    @Test
    void clientOrderIdsAreBounded() {
        rejected(() -> new OrderRequest("a1", "x".repeat(65), TENCENT, Side.BUY, OrderType.LIMIT, BigDecimal.TEN,
                BigDecimal.ONE, null, null, null, null, null, false));
    }
}
