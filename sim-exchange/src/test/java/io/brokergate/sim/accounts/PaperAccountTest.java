package io.brokergate.sim.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.order.Side;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperAccountTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static long u(String s) {
        return FixedPoint.toUnits(new BigDecimal(s));
    }

    private static PaperAccount account() {
        return new PaperAccount("A1", Map.of("HKD", new BigDecimal("1000000"), "USD", new BigDecimal("50000")), T0);
    }

    @Test
    void roundTripWithFeesRealizesExactlyTheDifferenceMinusFees() {
        PaperAccount a = account();
        a.applyFill(TENCENT, "HKD", Side.BUY, u("640"), 100, u("104.6"));
        assertEquals(u("1000000") - u("64000") - u("104.6"), a.cash("HKD"));
        assertEquals(100, a.quantity(TENCENT));
        assertEquals(u("641.046"), a.averageCost(TENCENT), "fees are part of the cost");

        long realized = a.applyFill(TENCENT, "HKD", Side.SELL, u("650"), 100, u("106"));
        assertEquals(u("65000") - u("106") - u("64104.6"), realized);
        assertEquals(u("1000") - u("210.6"), a.realizedPnl("HKD"));
        assertEquals(0, a.quantity(TENCENT));
        assertEquals(u("1000000") + realized, a.cash("HKD"), "flat again: cash moved by exactly the realized P&L");
    }

    @Test
    void partialCloseKeepsAverageCostAndAddingAveragesIt() {
        PaperAccount a = account();
        a.applyFill(TENCENT, "HKD", Side.BUY, u("600"), 200, 0);
        a.applyFill(TENCENT, "HKD", Side.BUY, u("700"), 200, 0);
        assertEquals(u("650"), a.averageCost(TENCENT));
        long realized = a.applyFill(TENCENT, "HKD", Side.SELL, u("660"), 100, 0);
        assertEquals(u("1000"), realized);
        assertEquals(u("650"), a.averageCost(TENCENT));
        assertEquals(300, a.quantity(TENCENT));
    }

    @Test
    void aSellBeyondTheHoldingFlipsShortWhenTheExchangeAllowsIt() {
        PaperAccount a = account();
        a.applyFill(TENCENT, "HKD", Side.BUY, u("600"), 100, 0);
        long realized = a.applyFill(TENCENT, "HKD", Side.SELL, u("610"), 300, u("30"));
        // 100 close the long (a third of the fee, 10), 200 open a short (the other 20).
        assertEquals(u("610") * 100 - u("10") - u("60000"), realized);
        assertEquals(-200, a.quantity(TENCENT));
        assertEquals(u("609.9"), a.averageCost(TENCENT), "short proceeds net of the opening part of the fee");
        long cover = a.applyFill(TENCENT, "HKD", Side.BUY, u("600"), 200, 0);
        assertEquals(u("1980"), cover);
    }

    @Test
    void frozenCashAndReservedSharesAreNotAvailable() {
        PaperAccount a = account();
        a.changeFrozenCash("HKD", u("64200"));
        assertEquals(u("1000000") - u("64200"), a.availableCash("HKD"));
        assertEquals(u("1000000"), a.cash("HKD"));
        a.applyFill(TENCENT, "HKD", Side.BUY, u("640"), 300, 0);
        a.changeReservedQuantity(TENCENT, "HKD", 200);
        assertEquals(100, a.availableQuantity(TENCENT));
        assertThrows(IllegalStateException.class, () -> a.changeFrozenCash("HKD", -u("100000")));
    }

    @Test
    void balancesAndPositionsAtLastPrices() {
        PaperAccount a = account();
        a.applyFill(TENCENT, "HKD", Side.BUY, u("640"), 100, 0);
        List<Balance> balances = a.balances(id -> u("650"), T0);
        Balance hkd = balances.stream().filter(b -> b.currency().equals("HKD")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("936000").compareTo(hkd.cash()));
        assertEquals(0, new BigDecimal("65000").compareTo(hkd.marketValue()));
        assertEquals(0, new BigDecimal("1001000").compareTo(hkd.netAssets()));
        assertEquals(0, new BigDecimal("1000").compareTo(hkd.unrealizedPnl()));
        assertEquals(2, balances.size());
        Position p = a.positions(id -> u("650")).get(0);
        assertEquals(0, new BigDecimal("640").compareTo(p.averageCost()));
        assertEquals(0, new BigDecimal("1000").compareTo(p.unrealizedPnl()));
        assertEquals("HKD", p.currency());
        assertNull(a.position(InstrumentId.parse("AAPL.US"), 0));
    }

    @Test
    void resetRestoresTheInitialFundingOrANewOne() {
        PaperAccount a = account();
        a.applyFill(TENCENT, "HKD", Side.BUY, u("640"), 100, u("10"));
        a.changeFrozenCash("HKD", u("5"));
        a.reset();
        assertEquals(u("1000000"), a.cash("HKD"));
        assertEquals(0, a.frozenCash("HKD"));
        assertEquals(0, a.quantity(TENCENT));
        assertTrue(a.positions(id -> 1).isEmpty());
        a.reset(Map.of("CNY", new BigDecimal("5")));
        assertEquals(List.of("CNY"), a.currencies());
    }

    @Test
    void registryCreatesListsAndRefusesDuplicates() {
        AccountRegistry registry = new AccountRegistry(Map.of("USD", BigDecimal.TEN));
        registry.create("SIM000001", null, T0);
        PaperAccount generated = registry.create(null, null, T0);
        assertEquals("SIM000002", generated.id());
        assertEquals(u("10"), generated.cash("USD"));
        GatewayException dup = assertThrows(GatewayException.class, () -> registry.create("SIM000001", null, T0));
        assertEquals(ErrorCode.CONFLICT, dup.code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GatewayException.class, () -> registry.require("nope")).code());
        assertEquals(2, registry.list().size());
    }
}
