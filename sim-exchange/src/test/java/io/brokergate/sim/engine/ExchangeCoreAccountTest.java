package io.brokergate.sim.engine;

import static io.brokergate.sim.engine.Orders.limit;
import static io.brokergate.sim.engine.Orders.market;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.Side;
import io.brokergate.sim.accounts.AccountInfo;
import io.brokergate.sim.accounts.FeeSchedule;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeCoreAccountTest extends CoreFixture {

    @Test
    void roundTripBooksCashAverageCostAndRealizedPnlWithFees() {
        core.movePrice(TENCENT, d("640")); // bid 640, ask 640.5
        OrderDetail buy = core.placeOrder(market(A, TENCENT, Side.BUY, 100));
        assertTrue(same("640.5", buy.order().averageFillPrice()));
        BigDecimal buyFee = hkFee(d("64050"));
        Position held = core.positions(A).get(0);
        assertEquals(0, d("64050").add(buyFee).divide(d("100")).compareTo(held.averageCost()), "average cost includes the fee");
        assertEquals(0, d("100").compareTo(held.availableQuantity()));

        OrderDetail sell = core.placeOrder(market(A, TENCENT, Side.SELL, 100));
        assertTrue(same("640", sell.order().averageFillPrice()));
        BigDecimal sellFee = hkFee(d("64000"));
        BigDecimal realized = d("64000").subtract(sellFee).subtract(d("64050")).subtract(buyFee);

        Balance hkd = core.balances(A).stream().filter(b -> b.currency().equals("HKD")).findFirst().orElseThrow();
        assertEquals(0, realized.compareTo(hkd.realizedPnl()));
        assertEquals(0, d("1000000").add(realized).compareTo(hkd.cash()));
        assertEquals(0, BigDecimal.ZERO.compareTo(hkd.frozenCash()));
        assertEquals(0, BigDecimal.ZERO.compareTo(hkd.marketValue()));
        assertTrue(core.positions(A).isEmpty());
        assertEquals(3, core.balances(A).size(), "HKD, USD and CNY");
    }

    @Test
    void unrealizedPnlFollowsTheLastPrice() {
        core.movePrice(TENCENT, d("640"));
        core.placeOrder(market(A, TENCENT, Side.BUY, 100));
        core.movePrice(TENCENT, d("700"));
        Position p = core.positions(A).get(0);
        assertTrue(same("700", p.lastPrice()));
        BigDecimal cost = d("64050").add(hkFee(d("64050")));
        assertEquals(0, d("70000").subtract(cost).compareTo(p.unrealizedPnl()));
    }

    @Test
    void usStocksArePaidInDollars() {
        BigDecimal usdBefore = cash(A, "USD");
        OrderDetail buy = core.placeOrder(market(A, APPLE, Side.BUY, 10));
        BigDecimal notional = buy.order().averageFillPrice().multiply(d("10"));
        BigDecimal fee = FixedPoint.toDecimal(FeeSchedule.unitedStates().totalFee(FixedPoint.toUnits(notional)));
        assertEquals(0, usdBefore.subtract(notional).subtract(fee).compareTo(cash(A, "USD")));
        assertEquals(0, d("1000000").compareTo(cash(A, "HKD")));
        assertEquals("USD", buy.currency());
    }

    @Test
    void resetCancelsOpenOrdersAndRestoresTheFunding() {
        core.placeOrder(market(A, TENCENT, Side.BUY, 200));
        OrderDetail open = core.placeOrder(limit(A, TENCENT, Side.BUY, 100, "600"));
        events.clear();

        AccountInfo info = core.resetAccount(A);

        assertEquals(A, info.accountId());
        assertEquals(OrderStatus.CANCELLED, events.ordersOf(open.orderId()).get(0).order().order().status());
        assertEquals(0, d("1000000").compareTo(cash(A, "HKD")));
        assertEquals(0, BigDecimal.ZERO.compareTo(frozen(A, "HKD")));
        assertTrue(core.positions(A).isEmpty());
        assertTrue(core.todayOrders(A, null).isEmpty(), "a reset account starts with a clean slate");
        assertTrue(core.todayExecutions(A, null, null).isEmpty());
        assertEquals(0, depth(TENCENT).bids().stream().filter(l -> same("600", l.price())).count(), "the open bid left the book");

        core.resetAccount(A, Map.of("USD", d("5000")));
        assertEquals(List.of("USD"), core.balances(A).stream().map(Balance::currency).toList());
    }

    @Test
    void accountsAreCreatedListedAndUnique() {
        AccountInfo generated = core.createAccount(null, null);
        assertEquals("SIM000002", generated.accountId());
        assertEquals(0, d("100000").compareTo(generated.initialFunding().get("USD")));
        AccountInfo custom = core.createAccount("alice", Map.of("HKD", d("250000")));
        assertEquals(0, d("250000").compareTo(cash("alice", "HKD")));
        assertEquals(ErrorCode.CONFLICT, assertThrows(GatewayException.class, () -> core.createAccount("alice", null)).code());
        assertEquals(List.of(A, "SIM000002", "alice"), core.accounts().stream().map(AccountInfo::accountId).toList());
        assertEquals(custom, core.accounts().get(2));
    }

    @Test
    void maxBuyQuantityIsWholeLotsTheCashCanPayFeesIncluded() {
        BigDecimal max = core.maxBuyQuantity(A, TENCENT, d("640"));
        assertEquals(0, max.remainder(d("100")).signum());
        BigDecimal cost = max.multiply(d("640"));
        assertTrue(cost.add(hkFee(cost)).compareTo(d("1000000")) <= 0);
        BigDecimal more = max.add(d("100")).multiply(d("640"));
        assertTrue(more.add(hkFee(more)).compareTo(d("1000000")) > 0);
        assertEquals(0, d("1500").compareTo(max));
        core.placeOrder(limit(A, TENCENT, Side.BUY, 1000, "640"));
        assertEquals(0, d("500").compareTo(core.maxBuyQuantity(A, TENCENT, d("640"))), "frozen cash is not available");
        assertTrue(core.maxBuyQuantity(A, APPLE, null).signum() > 0, "defaults to the best ask");
        assertEquals(0, BigDecimal.ZERO.compareTo(core.maxBuyQuantity(A, HSI, null)));
    }
}
