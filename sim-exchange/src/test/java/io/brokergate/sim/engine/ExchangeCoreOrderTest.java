package io.brokergate.sim.engine;

import static io.brokergate.sim.engine.Orders.limit;
import static io.brokergate.sim.engine.Orders.market;
import static io.brokergate.sim.engine.Orders.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderAmendment;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeCoreOrderTest extends CoreFixture {

    @Test
    void marketBuySweepsSeveralLevelsAtTheRightAveragePrice() {
        core.createAccount("RICH", Map.of("HKD", d("10000000")));
        DepthLevel a0 = ask(TENCENT, 0);
        DepthLevel a1 = ask(TENCENT, 1);
        DepthLevel a2 = ask(TENCENT, 2);
        BigDecimal quantity = a0.quantity().add(a1.quantity()).add(d("100"));
        BigDecimal notional = a0.price().multiply(a0.quantity()).add(a1.price().multiply(a1.quantity())).add(a2.price().multiply(d("100")));

        OrderDetail placed = core.placeOrder(market("RICH", TENCENT, Side.BUY, quantity.longValueExact()));

        Order o = placed.order();
        assertEquals(OrderStatus.FILLED, o.status());
        assertEquals(0, quantity.compareTo(o.filledQuantity()));
        assertEquals(0, notional.divide(quantity, 4, RoundingMode.HALF_UP).compareTo(o.averageFillPrice()), "VWAP");
        List<Execution> fills = core.todayExecutions("RICH", TENCENT, o.orderId());
        assertEquals(3, fills.size());
        assertEquals(0, a0.price().compareTo(fills.get(0).price()));
        assertEquals(0, a0.quantity().compareTo(fills.get(0).quantity()));
        assertEquals(0, a2.price().compareTo(fills.get(2).price()));
        assertEquals(0, d("100").compareTo(fills.get(2).quantity()));
        BigDecimal fee = hkFee(notional);
        assertEquals(0, fee.compareTo(placed.fees()));
        assertEquals(0, fee.compareTo(fills.stream().map(Execution::fee).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(0, d("10000000").subtract(notional).subtract(fee).compareTo(cash("RICH", "HKD")));
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen("RICH", "HKD")), "nothing stays frozen");

        List<EventLog.OrderEvent> updates = events.ordersOf(o.orderId());
        assertEquals(OrderStatus.WORKING, updates.get(0).order().order().status());
        assertNull(updates.get(0).fill());
        assertEquals(OrderStatus.PARTIALLY_FILLED, updates.get(1).order().order().status());
        assertNotNull(updates.get(1).fill());
        assertEquals(OrderStatus.FILLED, updates.get(3).order().order().status());
        assertEquals(fills.get(2), updates.get(3).fill());
        assertTrue(same(a2.price().toPlainString(), updates.get(3).order().lastFillPrice()));
        assertTrue(ask(TENCENT, 0).price().compareTo(a2.price()) >= 0, "the depth shows what is left");
    }

    @Test
    void limitOrderRestsFreezesCashAndFillsAtItsPriceWhenThePriceCrossesIt() {
        OrderDetail placed = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        assertEquals(OrderStatus.WORKING, placed.order().status());
        BigDecimal fee = hkFee(d("60000"));
        assertEquals(0, d("60000").add(fee).compareTo(frozen(A, "HKD")), "limit x quantity plus the fee it may cost");
        assertTrue(same("600", bid(TENCENT, 0).price()) == false);

        core.movePrice(TENCENT, d("610"));
        assertEquals(OrderStatus.WORKING, core.order(A, placed.orderId()).orElseThrow().order().status());

        core.movePrice(TENCENT, d("599")); // the ask ladder now starts at 599.5 <= 600
        Order filled = core.order(A, placed.orderId()).orElseThrow().order();
        assertEquals(OrderStatus.FILLED, filled.status());
        assertTrue(same("600", filled.averageFillPrice()));
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen(A, "HKD")));
        assertEquals(0, d("1000000").subtract(d("60000")).subtract(fee).compareTo(cash(A, "HKD")));
        assertEquals(0, d("100").compareTo(core.positions(A).get(0).quantity()));
    }

    @Test
    void restingOrdersShowInTheDepth() {
        DepthLevel before = bid(TENCENT, 0);
        core.placeOrder(limit(A, TENCENT, Side.BUY, 300, before.price().toPlainString()));
        DepthLevel after = bid(TENCENT, 0);
        assertEquals(0, before.quantity().add(d("300")).compareTo(after.quantity()));
        assertEquals(before.orderCount() + 1, after.orderCount());
    }

    @Test
    void stopOrderTriggersAndTradesAtTheMarket() {
        OrderDetail stop = core.placeOrder(request(A, TENCENT, Side.BUY, OrderType.STOP, 100, null, "650", TimeInForce.DAY));
        assertEquals(TriggerState.WAITING, stop.trigger());
        assertEquals(OrderStatus.WORKING, stop.order().status());
        BigDecimal reserved = d("682.5").multiply(d("100"));
        assertEquals(0, reserved.add(hkFee(reserved)).compareTo(frozen(A, "HKD")), "trigger + 5 % protection");

        core.movePrice(TENCENT, d("649.5"));
        assertEquals(TriggerState.WAITING, core.order(A, stop.orderId()).orElseThrow().trigger());

        core.movePrice(TENCENT, d("651"));
        OrderDetail fired = core.order(A, stop.orderId()).orElseThrow();
        assertEquals(TriggerState.TRIGGERED, fired.trigger());
        assertNotNull(fired.triggeredAt());
        assertEquals(OrderStatus.FILLED, fired.order().status());
        assertTrue(same("651.5", fired.order().averageFillPrice()), "bought at the best ask after the move");
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen(A, "HKD")));
    }

    @Test
    void stopLimitBecomesARestingLimitOrder() {
        core.placeOrder(market(A, TENCENT, Side.BUY, 100));
        OrderDetail stopLimit = core.placeOrder(request(A, TENCENT, Side.SELL, OrderType.STOP_LIMIT, 100, "629", "630",
                TimeInForce.GOOD_TILL_CANCELLED));
        assertEquals(0, BigDecimal.ZERO.compareTo(core.maxSellQuantity(A, TENCENT)), "the shares are promised");

        core.movePrice(TENCENT, d("620")); // fires at 620 <= 630; bids at 620 are below the 629 limit
        OrderDetail fired = core.order(A, stopLimit.orderId()).orElseThrow();
        assertEquals(TriggerState.TRIGGERED, fired.trigger());
        assertEquals(OrderStatus.WORKING, fired.order().status());
        assertEquals(0, BigDecimal.ZERO.compareTo(core.maxSellQuantity(A, TENCENT)), "resting as a limit, still holding the shares");

        core.movePrice(TENCENT, d("629"));
        assertEquals(OrderStatus.FILLED, core.order(A, stopLimit.orderId()).orElseThrow().order().status());
        assertTrue(core.positions(A).isEmpty());
    }

    @Test
    void ordersOfDifferentAccountsMatchEachOtherFirst() {
        core.createAccount("B", null);
        core.placeOrder(market(A, TENCENT, Side.BUY, 200));
        DepthLevel bestAsk = ask(TENCENT, 0);
        OrderDetail offer = core.placeOrder(limit(A, TENCENT, Side.SELL, 100, bestAsk.price().toPlainString()));
        assertEquals(0, bestAsk.quantity().add(d("100")).compareTo(ask(TENCENT, 0).quantity()));

        OrderDetail bid = core.placeOrder(limit("B", TENCENT, Side.BUY, 100, bestAsk.price().toPlainString()));

        assertEquals(OrderStatus.FILLED, bid.order().status());
        OrderDetail offerNow = core.order(A, offer.orderId()).orElseThrow();
        assertEquals(OrderStatus.FILLED, offerNow.order().status());
        assertEquals("filled (maker)", offerNow.history().get(offerNow.history().size() - 1).message());
        Execution sold = core.todayExecutions(A, TENCENT, offer.orderId()).get(0);
        Execution bought = core.todayExecutions("B", TENCENT, bid.orderId()).get(0);
        assertEquals(0, sold.price().compareTo(bought.price()));
        assertEquals(Side.SELL, sold.side());
        assertEquals(0, bestAsk.quantity().compareTo(ask(TENCENT, 0).quantity()), "the market's own offer was not touched");
        assertEquals(0, d("100").compareTo(core.positions("B").get(0).quantity()));
    }

    @Test
    void cancelReleasesWhatTheOrderHeldAndCannotBeRepeated() {
        OrderDetail o = core.placeOrder(limit(A, TENCENT, Side.BUY, 500, "600"));
        assertTrue(frozen(A, "HKD").signum() > 0);
        OrderDetail cancelled = core.cancelOrder(A, o.orderId());
        assertEquals(OrderStatus.CANCELLED, cancelled.order().status());
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen(A, "HKD")));
        assertEquals(RejectReason.ORDER_NOT_OPEN, assertThrows(OrderRejectedException.class, () -> core.cancelOrder(A, o.orderId())).reason());
        assertEquals(RejectReason.ORDER_NOT_FOUND, assertThrows(OrderRejectedException.class, () -> core.cancelOrder(A, "123")).reason());
        core.createAccount("B", null);
        OrderDetail other = core.placeOrder(limit("B", TENCENT, Side.BUY, 100, "600"));
        assertEquals(RejectReason.ORDER_NOT_FOUND,
                assertThrows(OrderRejectedException.class, () -> core.cancelOrder(A, other.orderId())).reason(),
                "another account's order is invisible");
    }

    @Test
    void replaceChangesQuantityAndPriceWithinTheRules() {
        OrderDetail o = core.placeOrder(limit(A, TENCENT, Side.BUY, 300, "600"));
        OrderDetail smaller = core.replaceOrder(new OrderAmendment(A, o.orderId(), d("200"), null, null));
        assertEquals(0, d("200").compareTo(smaller.order().quantity()));
        assertEquals(0, d("120000").add(hkFee(d("120000"))).compareTo(frozen(A, "HKD")));
        OrderDetail repriced = core.replaceOrder(new OrderAmendment(A, o.orderId(), null, d("601"), null));
        assertTrue(same("601", repriced.order().limitPrice()));
        assertEquals("replaced", repriced.history().get(repriced.history().size() - 1).message());

        assertEquals(RejectReason.WRONG_LOT_SIZE, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), d("250"), null, null))).reason());
        assertEquals(RejectReason.WRONG_TICK_SIZE, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), null, d("600.3"), null))).reason());
        assertEquals(RejectReason.INSUFFICIENT_CASH, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), d("2000"), null, null))).reason());
        assertEquals(RejectReason.AMENDMENT_NOT_ALLOWED, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), null, null, d("590")))).reason());
        assertEquals(RejectReason.PRICE_OUT_OF_BOUNDS, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), null, d("10"), null))).reason());
        OrderRejectedException refused = assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), d("250"), null, null)));
        assertEquals(0, d("200").compareTo(refused.order().order().quantity()), "a refused replace changes nothing");
    }

    @Test
    void replaceCannotGoDownToTheFilledQuantity() {
        DepthLevel a0 = ask(TENCENT, 0);
        BigDecimal quantity = a0.quantity().add(d("200"));
        OrderDetail o = core.placeOrder(limit(A, TENCENT, Side.BUY, quantity.longValueExact(), a0.price().toPlainString()));
        assertEquals(OrderStatus.PARTIALLY_FILLED, o.order().status());
        assertEquals(0, a0.quantity().compareTo(o.order().filledQuantity()));
        OrderRejectedException e = assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), a0.quantity(), null, null)));
        assertEquals(RejectReason.QUANTITY_BELOW_FILLED, e.reason());
        OrderDetail reduced = core.replaceOrder(new OrderAmendment(A, o.orderId(), a0.quantity().add(d("100")), null, null));
        assertEquals(OrderStatus.PARTIALLY_FILLED, reduced.order().status());
        assertEquals(0, d("100").compareTo(bid(TENCENT, 0).quantity()), "100 left resting at the old best ask");
        core.cancelOrder(A, o.orderId());
        assertEquals(RejectReason.ORDER_NOT_OPEN, assertThrows(OrderRejectedException.class,
                () -> core.replaceOrder(new OrderAmendment(A, o.orderId(), d("900"), null, null))).reason());
    }

    @Test
    void replaceLosesTimePriorityWhenTheQuantityGrows() {
        core.createAccount("B", Map.of("HKD", d("1000000")));
        OrderDetail first = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        OrderDetail second = core.placeOrder(limit("B", TENCENT, Side.BUY, 100, "600"));
        core.replaceOrder(new OrderAmendment(A, first.orderId(), d("200"), null, null));
        events.executions.clear();
        core.movePrice(TENCENT, d("599"));
        assertEquals(second.orderId(), events.executions.get(0).orderId(), "B is now first in line");
    }

    @Test
    void replaceKeepsTimePriorityWhenTheQuantityShrinks() {
        core.createAccount("B", Map.of("HKD", d("1000000")));
        OrderDetail first = core.placeOrder(limit(A, TENCENT, Side.BUY, 300, "600"));
        core.placeOrder(limit("B", TENCENT, Side.BUY, 100, "600"));
        core.replaceOrder(new OrderAmendment(A, first.orderId(), d("100"), null, null));
        events.executions.clear();
        core.movePrice(TENCENT, d("599"));
        assertEquals(first.orderId(), events.executions.get(0).orderId());
    }

    @Test
    void dayOrdersExpireAtLocalMidnightGtcOrdersStay() {
        OrderDetail day = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        OrderDetail gtc = core.placeOrder(request(A, TENCENT, Side.BUY, OrderType.LIMIT, 100, "590", null,
                TimeInForce.GOOD_TILL_CANCELLED));
        clock.set(java.time.ZonedDateTime.of(2026, 3, 2, 23, 59, 59, 0, TENCENT.market().zone()).toInstant());
        core.step();
        assertEquals(OrderStatus.WORKING, core.order(A, day.orderId()).orElseThrow().order().status());

        clock.advance(Duration.ofSeconds(1)); // midnight in Hong Kong
        core.step();
        OrderDetail expired = core.order(A, day.orderId()).orElseThrow();
        assertEquals(OrderStatus.EXPIRED, expired.order().status());
        assertEquals(OrderStatus.WORKING, core.order(A, gtc.orderId()).orElseThrow().order().status());
        assertEquals(0, d("59000").add(hkFee(d("59000"))).compareTo(frozen(A, "HKD")), "only the GTC order holds cash");
        assertTrue(events.ordersOf(day.orderId()).stream().anyMatch(e -> e.order().order().status() == OrderStatus.EXPIRED));
        List<OrderDetail> today = core.todayOrders(A, null);
        assertEquals(1, today.size(), "yesterday's expired order is no longer today's; the open GTC one is");
        assertEquals(gtc.orderId(), today.get(0).orderId());
    }

    @Test
    void withSessionsDayOrdersExpireAtTheClose() {
        newCore(SimConfig.defaults().toBuilder().enforceSessions(true).build());
        OrderDetail day = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        OrderDetail gtd = core.placeOrder(Orders.goodTillDate(limit(A, TENCENT, Side.BUY, 100, "600"), java.time.LocalDate.of(2026, 3, 3)));
        clock.set(java.time.ZonedDateTime.of(2026, 3, 2, 15, 59, 59, 0, TENCENT.market().zone()).toInstant());
        core.step();
        assertEquals(OrderStatus.WORKING, core.order(A, day.orderId()).orElseThrow().order().status());
        clock.advance(Duration.ofSeconds(1));
        core.step();
        assertEquals(OrderStatus.EXPIRED, core.order(A, day.orderId()).orElseThrow().order().status());
        assertEquals(OrderStatus.WORKING, core.order(A, gtd.orderId()).orElseThrow().order().status());
        clock.set(java.time.ZonedDateTime.of(2026, 3, 3, 16, 0, 0, 0, TENCENT.market().zone()).toInstant());
        core.step();
        assertEquals(OrderStatus.EXPIRED, core.order(A, gtd.orderId()).orElseThrow().order().status());
    }

    @Test
    void immediateOrCancelLeavesNothingResting() {
        DepthLevel a0 = ask(TENCENT, 0);
        OrderDetail ioc = core.placeOrder(request(A, TENCENT, Side.BUY, OrderType.LIMIT, a0.quantity().longValueExact() + 100,
                a0.price().toPlainString(), null, TimeInForce.IMMEDIATE_OR_CANCEL));
        assertEquals(OrderStatus.CANCELLED, ioc.order().status());
        assertEquals(0, a0.quantity().compareTo(ioc.order().filledQuantity()));
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen(A, "HKD")));
    }

    @Test
    void ordersKeepTheirClientIdsAndAreQueryable() {
        OrderDetail o = core.placeOrder(Orders.withClientId(limit(A, TENCENT, Side.BUY, 100, "600"), "my-key-1"), "note for me");
        assertTrue(o.orderId().chars().allMatch(Character::isDigit));
        assertEquals("my-key-1", o.order().clientOrderId());
        assertEquals("note for me", o.remark());
        OrderDetail next = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        assertTrue(Long.parseLong(next.orderId()) > Long.parseLong(o.orderId()), "monotonic ids");
        assertEquals(List.of(o.orderId()), core.ordersByClientOrderId(A, "my-key-1").stream().map(OrderDetail::orderId).toList());
        assertEquals(2, core.historyOrders(A, new io.brokergate.core.order.OrderQuery(null, null, null, null,
                clock.now(), clock.now().plusSeconds(1))).size());
        assertTrue(core.historyOrders(A, new io.brokergate.core.order.OrderQuery(null, null, null, null,
                clock.now().plusSeconds(1), null)).isEmpty());
        assertTrue(core.order("SOMEONE-ELSE", o.orderId()).isEmpty());
        assertEquals(o.orderId(), core.order(null, o.orderId()).orElseThrow().orderId());

        core.placeOrder(market(A, TENCENT, Side.BUY, 100));
        assertEquals(1, core.executions(A, clock.now(), clock.now().plusSeconds(1), TENCENT).size());
        assertEquals(1, core.executions(A, new io.brokergate.core.order.OrderQuery(TENCENT, null, Side.BUY, null, null, null)).size());
        assertTrue(core.executions(A, null, clock.now(), null).isEmpty());
    }
}
