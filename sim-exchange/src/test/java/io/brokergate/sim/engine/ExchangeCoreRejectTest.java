package io.brokergate.sim.engine;

import static io.brokergate.sim.engine.Orders.limit;
import static io.brokergate.sim.engine.Orders.market;
import static io.brokergate.sim.engine.Orders.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExchangeCoreRejectTest extends CoreFixture {

    private void assertRejected(RejectReason reason, ErrorCode code, OrderRequest request) {
        BigDecimal frozenBefore = frozen(A, "HKD");
        OrderRejectedException e = rejected(request);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(code, e.code());
        assertEquals(reason.code(), e.brokerCode());
        OrderDetail order = e.order();
        assertEquals(OrderStatus.REJECTED, order.order().status());
        assertEquals(e.getMessage(), order.order().message());
        assertTrue(order.orderId().chars().allMatch(Character::isDigit), "a rejected order still gets an id");
        assertTrue(core.todayOrders(A, null).stream().anyMatch(o -> o.orderId().equals(order.orderId())));
        assertEquals(OrderStatus.REJECTED, events.ordersOf(order.orderId()).get(0).order().order().status());
        assertEquals(0, frozenBefore.compareTo(frozen(A, "HKD")), "a rejected order holds nothing");
    }

    @Test
    void unknownSymbol() {
        assertRejected(RejectReason.UNKNOWN_SYMBOL, ErrorCode.INVALID_REQUEST, limit(A, InstrumentId.parse("9999.HK"), Side.BUY, 100, "1"));
    }

    @Test
    void notTradable() {
        assertRejected(RejectReason.NOT_TRADABLE, ErrorCode.BROKER_REJECTED, limit(A, HSI, Side.BUY, 1, "25800"));
    }

    @Test
    void wrongLotSize() {
        assertRejected(RejectReason.WRONG_LOT_SIZE, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 150, "600"));
        assertRejected(RejectReason.WRONG_LOT_SIZE, ErrorCode.BROKER_REJECTED, limit(A, HSBC, Side.BUY, 100, "100"));
        assertRejected(RejectReason.WRONG_LOT_SIZE, ErrorCode.BROKER_REJECTED, Orders.withQuantity(limit(A, APPLE, Side.BUY, 1, "260"), "1.5"));
    }

    @Test
    void wrongTickSize() {
        assertRejected(RejectReason.WRONG_TICK_SIZE, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 100, "600.2"));
        assertRejected(RejectReason.WRONG_TICK_SIZE, ErrorCode.BROKER_REJECTED, limit(A, APPLE, Side.BUY, 1, "260.001"));
        assertRejected(RejectReason.WRONG_TICK_SIZE, ErrorCode.BROKER_REJECTED,
                request(A, TENCENT, Side.BUY, OrderType.STOP, 100, null, "650.1", TimeInForce.DAY));
    }

    @Test
    void quantityOutOfBounds() {
        assertRejected(RejectReason.QUANTITY_OUT_OF_BOUNDS, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 100 * 100_001L, "600"));
    }

    @Test
    void priceOutOfBounds() {
        assertRejected(RejectReason.PRICE_OUT_OF_BOUNDS, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 100, "6500"));
        assertRejected(RejectReason.PRICE_OUT_OF_BOUNDS, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 100, "60"));
    }

    @Test
    void insufficientCash() {
        assertRejected(RejectReason.INSUFFICIENT_CASH, ErrorCode.INSUFFICIENT_FUNDS, limit(A, TENCENT, Side.BUY, 2000, "600"));
        assertRejected(RejectReason.INSUFFICIENT_CASH, ErrorCode.INSUFFICIENT_FUNDS, market(A, APPLE, Side.BUY, 1000));
        core.placeOrder(limit(A, TENCENT, Side.BUY, 1500, "600")); // freezes 900k + fees
        assertRejected(RejectReason.INSUFFICIENT_CASH, ErrorCode.INSUFFICIENT_FUNDS, limit(A, TENCENT, Side.BUY, 200, "600"));
    }

    @Test
    void insufficientPosition() {
        assertRejected(RejectReason.INSUFFICIENT_POSITION, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.SELL, 100, "700"));
        core.placeOrder(market(A, TENCENT, Side.BUY, 100));
        core.placeOrder(limit(A, TENCENT, Side.SELL, 100, "700"));
        assertRejected(RejectReason.INSUFFICIENT_POSITION, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.SELL, 100, "700"));
    }

    @Test
    void shortSellingWhenConfigured() {
        newCore(SimConfig.defaults().toBuilder().allowShortSelling(true).build());
        OrderDetail shortSale = core.placeOrder(market(A, TENCENT, Side.SELL, 100));
        assertEquals(OrderStatus.FILLED, shortSale.order().status());
        assertEquals(0, new BigDecimal("-100").compareTo(core.positions(A).get(0).quantity()));
    }

    @Test
    void marketClosedOnlyWhenSessionsAreEnforced() {
        clock.set(clock.now().plus(Duration.ofHours(2).plusMinutes(30))); // 12:30 in Hong Kong
        core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600")); // sessions not enforced: fine
        newCore(SimConfig.defaults().toBuilder().enforceSessions(true).build());
        assertRejected(RejectReason.MARKET_CLOSED, ErrorCode.BROKER_REJECTED, limit(A, TENCENT, Side.BUY, 100, "600"));
        assertRejected(RejectReason.MARKET_CLOSED, ErrorCode.BROKER_REJECTED, limit(A, APPLE, Side.BUY, 1, "260"));
        clock.set(clock.now().plus(Duration.ofMinutes(30))); // 13:00, the afternoon session
        assertEquals(OrderStatus.WORKING, core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600")).order().status());
    }

    @Test
    void unsupportedOrderTypeAndPastExpiry() {
        assertRejected(RejectReason.UNSUPPORTED_ORDER_TYPE, ErrorCode.INVALID_REQUEST,
                request(A, TENCENT, Side.BUY, OrderType.AT_AUCTION, 100, null, null, TimeInForce.DAY));
        assertRejected(RejectReason.INVALID_EXPIRE_DATE, ErrorCode.INVALID_REQUEST,
                Orders.goodTillDate(limit(A, TENCENT, Side.BUY, 100, "600"), LocalDate.of(2026, 3, 1)));
    }

    @Test
    void unknownAccountIsNotFoundAndRecordsNothing() {
        GatewayException e = assertThrows(GatewayException.class, () -> core.placeOrder(limit("NOBODY", TENCENT, Side.BUY, 100, "600")));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(events.orders.isEmpty());
        assertThrows(GatewayException.class, () -> core.balances("NOBODY"));
    }
}
