package io.brokergate.sim.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.core.instrument.Market;
import io.brokergate.sim.market.FixedPoint;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private static long u(String s) {
        return FixedPoint.toUnits(new BigDecimal(s));
    }

    @Test
    void rateMinimumAndFixedPart() {
        FeeSchedule hk = FeeSchedule.hongKong(); // 0.14 %, min 3, fixed 15
        assertEquals(0, hk.totalFee(0), "nothing executed, nothing charged");
        assertEquals(u("18"), hk.totalFee(u("1000")), "1.40 is below the minimum of 3");
        assertEquals(u("15") + u("89.6"), hk.totalFee(u("64000")));
        assertEquals(u("15.13"), FeeSchedule.of("0.0001", "0", "15").totalFee(u("1234.56")), "0.123456 rounds up to the cent");
    }

    @Test
    void chargedIncrementallyAnOrderPaysTheSameAsInOneFill() {
        FeeSchedule hk = FeeSchedule.hongKong();
        long total = hk.totalFee(u("64000") + u("32000"));
        long first = hk.totalFee(u("64000"));
        long second = hk.totalFee(u("96000")) - first;
        assertEquals(total, first + second);
    }

    @Test
    void defaultsPerMarket() {
        assertEquals(FeeSchedule.hongKong(), FeeSchedule.defaultFor(Market.HK));
        assertEquals(FeeSchedule.unitedStates(), FeeSchedule.defaultFor(Market.US));
        assertEquals(FeeSchedule.chinaA(), FeeSchedule.defaultFor(Market.SZ));
        assertEquals(FeeSchedule.FREE, FeeSchedule.defaultFor(Market.NSE));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.of("-0.1", "0", "0"));
    }
}
