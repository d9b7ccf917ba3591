package io.brokergate.trade.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokergate.core.instrument.Market;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fee rules as configured (minimum, maximum, rounding) and market hours as the broker's sessions say. */
class FeeScheduleTest {

    @Test
    void ratesPerShareAndPerOrderAmountsAreClampedAndRounded() {
        // HK stamp duty: 0.1 % rounded up to the dollar.
        assertEquals(new BigDecimal("33"), FeeSchedule.amount(rule("0.001", null, null, null, null, 0, RoundingMode.UP),
                new BigDecimal("100"), new BigDecimal("32020")));
        // Settlement fee: 0.002 %, at least 2 and at most 100.
        assertEquals(new BigDecimal("2.00"), FeeSchedule.amount(rule("0.00002", null, null, "2", "100", 2, RoundingMode.HALF_UP),
                new BigDecimal("100"), new BigDecimal("32020")));
        assertEquals(new BigDecimal("100.00"), FeeSchedule.amount(rule("0.00002", null, null, "2", "100", 2, RoundingMode.HALF_UP),
                new BigDecimal("1000000"), new BigDecimal("640000000")));
        // US commission: 0.0049 per share, at least 0.99; plus a fixed amount per order.
        assertEquals(new BigDecimal("0.99"), FeeSchedule.amount(rule(null, "0.0049", null, "0.99", null, 2, RoundingMode.HALF_UP),
                new BigDecimal("10"), new BigDecimal("1800")));
        assertEquals(new BigDecimal("19.90"), FeeSchedule.amount(rule(null, "0.0049", "15", null, null, 2, RoundingMode.HALF_UP),
                new BigDecimal("1000"), new BigDecimal("180000")));
    }

    @Test
    void aMarketIsClosedOutsideItsRegularSessionsAndAtWeekends() {
        List<TradingSession> hk = List.of(
                new TradingSession(Market.Region.HK, SessionType.REGULAR, LocalTime.of(9, 30), LocalTime.of(12, 0)),
                new TradingSession(Market.Region.HK, SessionType.REGULAR, LocalTime.of(13, 0), LocalTime.of(16, 0)),
                new TradingSession(Market.Region.US, SessionType.REGULAR, LocalTime.of(9, 30), LocalTime.of(16, 0)));
        // Friday 2026-11-20, 10:00 and 12:30 in Hong Kong; Saturday 10:00.
        assertEquals(Optional.empty(), MarketHours.closed(hk, Market.HK, Instant.parse("2026-11-20T02:00:00Z")));
        assertEquals(Optional.of("09:30–12:00, 13:00–16:00"), MarketHours.closed(hk, Market.HK, Instant.parse("2026-11-20T04:30:00Z")));
        assertEquals(true, MarketHours.closed(hk, Market.HK, Instant.parse("2026-11-21T02:00:00Z")).isPresent());
        assertEquals(Optional.empty(), MarketHours.closed(hk, Market.SG, Instant.parse("2026-11-21T02:00:00Z")), "no sessions, no verdict");
    }

    private static FeeSettings.Rule rule(String rate, String perShare, String perOrder, String min, String max, int decimals,
                                         RoundingMode rounding) {
        return new FeeSettings.Rule() {
            public String label() {
                return "fee";
            }

            public Optional<BigDecimal> rate() {
                return Optional.ofNullable(rate).map(BigDecimal::new);
            }

            public Optional<BigDecimal> perShare() {
                return Optional.ofNullable(perShare).map(BigDecimal::new);
            }

            public Optional<BigDecimal> perOrder() {
                return Optional.ofNullable(perOrder).map(BigDecimal::new);
            }

            public Optional<BigDecimal> minimum() {
                return Optional.ofNullable(min).map(BigDecimal::new);
            }

            public Optional<BigDecimal> maximum() {
                return Optional.ofNullable(max).map(BigDecimal::new);
            }

            public FeeSettings.AppliesTo appliesTo() {
                return FeeSettings.AppliesTo.BOTH;
            }

            public int decimals() {
                return decimals;
            }

            public RoundingMode rounding() {
                return rounding;
            }
        };
    }
}
