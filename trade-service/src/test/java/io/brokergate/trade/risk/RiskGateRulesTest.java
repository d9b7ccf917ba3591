package io.brokergate.trade.risk;

import static io.brokergate.trade.risk.RiskFixtures.ACCOUNT;
import static io.brokergate.trade.risk.RiskFixtures.BY_KEY;
import static io.brokergate.trade.risk.RiskFixtures.BY_USER;
import static io.brokergate.trade.risk.RiskFixtures.KEY;
import static io.brokergate.trade.risk.RiskFixtures.TENANT;
import static io.brokergate.trade.risk.RiskFixtures.account;
import static io.brokergate.trade.risk.RiskFixtures.apiKey;
import static io.brokergate.trade.risk.RiskFixtures.gate;
import static io.brokergate.trade.risk.RiskFixtures.limit;
import static io.brokergate.trade.risk.RiskFixtures.market;
import static io.brokergate.trade.risk.RiskFixtures.tenantWide;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.order.OrderRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The limits that need no counting, the kill switch, and how scopes combine. */
class RiskGateRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z"); // Friday 11:00 in Hong Kong

    @Test
    void aTenantWithoutLimitsPassesEverything() {
        RiskFixtures.Gate g = gate(account("acc-other", "{\"max_quantity\": 1}"));
        assertDoesNotThrow(() -> g.admit(new RiskSubject("tenant-z", ACCOUNT, KEY), limit("700.HK", "1000000", "1"), NOW));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "1000000", "1"), NOW), "another account's limits do not apply");
    }

    @Test
    void notionalIsQuantityTimesPriceInTheInstrumentsCurrencyAndTheDetailNamesIt() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"max_notional\": {\"HKD\": 1000000}}"));
        GatewayException e = rejected(() -> g.admit(BY_USER, limit("700.HK", "2500", "500"), NOW));
        assertEquals("risk limit max_notional (account): 1,250,000 HKD exceeds 1,000,000 HKD", e.getMessage());
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "2000", "500"), NOW), "exactly at the limit passes");
    }

    @Test
    void notionalWithDecimalsIsExact() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"max_notional\": {\"USD\": \"1234.4999\"}}"));
        // 100 x 12.345 = 1234.5: a double-based check could round either way
        GatewayException e = rejected(() -> g.admit(BY_USER, limit("AAPL.US", "100", "12.345"), NOW));
        assertEquals("risk limit max_notional (account): 1,234.5 USD exceeds 1,234.4999 USD", e.getMessage());
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("AAPL.US", "0.5", "2468.9998"), NOW), "0.5 x 2468.9998 = 1234.4999");
    }

    @Test
    void aNotionalLimitInAnotherCurrencyDoesNotLetTheOrderThrough() {
        RiskFixtures.Gate g = gate(tenantWide("{\"max_notional\": {\"HKD\": 1000000}}"));
        GatewayException e = rejected(() -> g.admit(BY_USER, limit("AAPL.US", "1", "1"), NOW));
        assertEquals("risk limit max_notional (tenant): no limit is set for USD, so AAPL.US cannot be traded here", e.getMessage());
    }

    @Test
    void aMarketOrderIsValuedAtTheReferencePriceAndRefusedWithoutOne() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"max_notional\": {\"HKD\": 10000}}"));
        OrderRequest order = market("700.HK", "100");
        GatewayException noPrice = rejected(() -> g.risk().admit(BY_USER, order, null, NOW));
        assertTrue(noPrice.getMessage().startsWith("risk limit max_notional (account): the order has no price"), noPrice.getMessage());
        assertDoesNotThrow(() -> g.risk().admit(BY_USER, order, new BigDecimal("100"), NOW));
        assertEquals(ErrorCode.RISK_REJECTED, rejected(() -> g.risk().admit(BY_USER, order, new BigDecimal("100.01"), NOW)).code());
    }

    @Test
    void maxQuantity() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"max_quantity\": \"1000.5\"}"));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "1000.5", "1"), NOW));
        assertEquals("risk limit max_quantity (account): 1,000.50000001 exceeds 1,000.5",
                rejected(() -> g.admit(BY_USER, limit("700.HK", "1000.50000001", "1"), NOW)).getMessage());
    }

    @Test
    void symbolAndMarketAllowLists() {
        RiskFixtures.Gate g = gate(tenantWide("{\"markets\": [\"HK\", \"US\"]}"), account(ACCOUNT, "{\"symbols\": [\"700.HK\", \"AAPL.US\"]}"));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "1", "1"), NOW));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("AAPL.US", "1", "1"), NOW));
        assertEquals("risk limit symbols (account): 9988.HK is not on the allow-list",
                rejected(() -> g.admit(BY_USER, limit("9988.HK", "1", "1"), NOW)).getMessage());
        assertEquals("risk limit markets (tenant): market SH is not allowed (allowed: HK, US)",
                rejected(() -> g.admit(BY_USER, limit("600519.SH", "1", "1"), NOW)).getMessage());
    }

    @Test
    void emptyAllowListsRestrictNothing() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"symbols\": [], \"markets\": []}"));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("RELIANCE.NSE", "1", "1"), NOW));
    }

    @Test
    void outsideTheTradingWindowTheWindowIsNamed() {
        RiskFixtures.Gate g = gate(account(ACCOUNT, "{\"trading_window\": {\"days\": [\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"],"
                + " \"start\": \"09:30\", \"end\": \"16:00\", \"time_zone\": \"Asia/Hong_Kong\"}}"));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "1", "1"), NOW));
        GatewayException e = rejected(() -> g.admit(BY_USER, limit("700.HK", "1", "1"), Instant.parse("2026-11-21T03:00:00Z")));
        assertEquals("risk limit trading_window (account): orders are accepted MON-FRI 09:30-16:00 Asia/Hong_Kong only", e.getMessage());
    }

    @Test
    void theStrictestScopeWins() {
        RiskFixtures.Gate g = gate(tenantWide("{\"max_quantity\": 1000}"), account(ACCOUNT, "{\"max_quantity\": 500}"),
                apiKey(KEY, "{\"max_quantity\": 100}"));
        assertEquals("risk limit max_quantity (api_key): 200 exceeds 100",
                rejected(() -> g.admit(BY_KEY, limit("700.HK", "200", "1"), NOW)).getMessage());
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "200", "1"), NOW), "the key's limit binds only orders sent with it");
        assertEquals("risk limit max_quantity (account): 600 exceeds 500",
                rejected(() -> g.admit(BY_USER, limit("700.HK", "600", "1"), NOW)).getMessage());
        assertEquals("risk limit max_quantity (tenant): 1,200 exceeds 1,000",
                rejected(() -> g.admit(new RiskSubject(TENANT, "acc-a2", null), limit("700.HK", "1200", "1"), NOW)).getMessage());
    }

    @Test
    void aLooserNarrowerScopeDoesNotRelaxTheTenant() {
        RiskFixtures.Gate g = gate(tenantWide("{\"max_quantity\": 100, \"symbols\": [\"700.HK\"]}"),
                account(ACCOUNT, "{\"max_quantity\": 100000, \"symbols\": [\"700.HK\", \"5.HK\"]}"));
        assertEquals(ErrorCode.RISK_REJECTED, rejected(() -> g.admit(BY_USER, limit("700.HK", "101", "1"), NOW)).code());
        assertTrue(rejected(() -> g.admit(BY_USER, limit("5.HK", "1", "1"), NOW)).getMessage().startsWith("risk limit symbols (tenant)"));
    }

    @Test
    void anAccountKillSwitchBlocksThatAccountOnly() {
        KillSwitch halt = new KillSwitch(TENANT, ACCOUNT, "runaway bot", "admin-1", NOW);
        RiskFixtures.Gate g = gate(List.of(), List.of(halt));
        GatewayException e = rejected(() -> g.admit(BY_KEY, limit("700.HK", "1", "1"), NOW));
        assertEquals("risk limit kill_switch (account): trading is halted for account acc-a1: runaway bot", e.getMessage());
        assertNull(e.retryAfter());
        assertTrue(g.risk().killSwitchEngaged(TENANT, ACCOUNT));
        assertFalse(g.risk().killSwitchEngaged(TENANT, "acc-a2"));
        assertFalse(g.risk().killSwitchEngaged("tenant-b", ACCOUNT));
        assertDoesNotThrow(() -> g.admit(new RiskSubject(TENANT, "acc-a2", null), limit("700.HK", "1", "1"), NOW));
    }

    @Test
    void aTenantKillSwitchBlocksEveryAccountOfTheTenantAndNoOtherTenant() {
        RiskFixtures.Gate g = gate(List.of(), List.of(new KillSwitch(TENANT, null, null, "admin-1", NOW)));
        assertEquals("risk limit kill_switch (tenant): trading is halted for every account of the tenant",
                rejected(() -> g.admit(new RiskSubject(TENANT, "acc-a9", null), limit("700.HK", "1", "1"), NOW)).getMessage());
        assertTrue(g.risk().killSwitchEngaged(TENANT, "acc-a9"));
        assertTrue(g.risk().killSwitchEngaged(TENANT, null));
        assertDoesNotThrow(() -> g.admit(new RiskSubject("tenant-b", "acc-b1", null), limit("700.HK", "1", "1"), NOW));
    }

    @Test
    void releasingBySwappingTheSnapshotLetsOrdersThroughAgain() {
        RiskFixtures.Gate g = gate(List.of(), List.of(new KillSwitch(TENANT, ACCOUNT, null, "admin-1", NOW)));
        assertTrue(g.risk().killSwitchEngaged(TENANT, ACCOUNT));
        g.book().replace(List.of(), List.of());
        assertFalse(g.risk().killSwitchEngaged(TENANT, ACCOUNT));
        assertDoesNotThrow(() -> g.admit(BY_USER, limit("700.HK", "1", "1"), NOW));
    }

    static GatewayException rejected(Executable call) {
        GatewayException e = assertThrows(GatewayException.class, call);
        assertEquals(ErrorCode.RISK_REJECTED, e.code(), e.getMessage());
        return e;
    }
}
