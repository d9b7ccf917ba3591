package io.brokergate.sim.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.sim.accounts.FeeSchedule;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** A core on a manual clock at Monday 2 March 2026, 10:00 in Hong Kong, with the default listing. */
abstract class CoreFixture {

    static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    static final InstrumentId HSBC = InstrumentId.parse("5.HK");
    static final InstrumentId HSI = InstrumentId.parse("HSI.HK");
    static final InstrumentId APPLE = InstrumentId.parse("AAPL.US");
    static final InstrumentId MOUTAI = InstrumentId.parse("600519.SH");
    static final String A = "SIM000001";

    final ManualClock clock = ManualClock.at(2026, 3, 2, 10, 0, "Asia/Hong_Kong");
    final EventLog events = new EventLog();
    ExchangeCore core = new ExchangeCore(SimConfig.defaults(), clock, events);

    ExchangeCore newCore(SimConfig config) {
        core = new ExchangeCore(config, clock, events);
        return core;
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static boolean same(String expected, BigDecimal actual) {
        return actual != null && d(expected).compareTo(actual) == 0;
    }

    DepthLevel ask(InstrumentId id, int level) {
        return core.depth(id).asks().get(level);
    }

    DepthLevel bid(InstrumentId id, int level) {
        return core.depth(id).bids().get(level);
    }

    Depth depth(InstrumentId id) {
        return core.depth(id);
    }

    OrderRejectedException rejected(OrderRequest request) {
        return assertThrows(OrderRejectedException.class, () -> core.placeOrder(request));
    }

    /** Runs the generator for a while, 200 ms a step. */
    void steps(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMillis(200));
            core.step();
        }
    }

    /** The fee the default schedule charges an order of this total notional in a market. */
    static BigDecimal hkFee(BigDecimal notional) {
        return FixedPoint.toDecimal(FeeSchedule.hongKong().totalFee(FixedPoint.toUnits(notional.setScale(4, RoundingMode.UNNECESSARY))));
    }

    BigDecimal cash(String account, String currency) {
        return core.balances(account).stream().filter(b -> b.currency().equals(currency)).findFirst().orElseThrow().cash();
    }

    BigDecimal frozen(String account, String currency) {
        return core.balances(account).stream().filter(b -> b.currency().equals(currency)).findFirst().orElseThrow().frozenCash();
    }
}
