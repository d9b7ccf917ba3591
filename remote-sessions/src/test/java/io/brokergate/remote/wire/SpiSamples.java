package io.brokergate.remote.wire;

import io.brokergate.core.account.Balance;
import io.brokergate.core.account.Position;
import io.brokergate.core.instrument.Instrument;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.instrument.InstrumentType;
import io.brokergate.core.instrument.Market;
import io.brokergate.core.instrument.TickSchedule;
import io.brokergate.core.market.Bar;
import io.brokergate.core.market.BarPeriod;
import io.brokergate.core.market.Depth;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.SessionType;
import io.brokergate.core.market.TradeTick;
import io.brokergate.core.market.TradingDays;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.core.market.TradingSession;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Order;
import io.brokergate.core.order.OrderRequest;
import io.brokergate.core.order.OrderStatus;
import io.brokergate.core.order.OrderType;
import io.brokergate.core.order.Side;
import io.brokergate.core.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Realistic SPI records, with the scales, nulls and odd symbols that a careless codec would lose. */
public final class SpiSamples {

    public static final InstrumentId TENCENT = InstrumentId.parse("700.HK");
    public static final InstrumentId BERKSHIRE = InstrumentId.parse("BRK.A.US");
    public static final Instant AT = Instant.parse("2026-03-02T01:30:00.123456789Z");

    private SpiSamples() {
    }

    public static OrderRequest gtdLimit() {
        return new OrderRequest("PA0000A", "cid-1", TENCENT, Side.BUY, OrderType.LIMIT, new BigDecimal("200"),
                new BigDecimal("385.20"), null, null, null, TimeInForce.GOOD_TILL_DATE, LocalDate.of(2026, 3, 6), true);
    }

    public static OrderRequest trailingStop() {
        return new OrderRequest("PA0000A", null, BERKSHIRE, Side.SELL, OrderType.TRAILING_STOP, new BigDecimal("1"), null,
                null, null, new BigDecimal("2.50"), null, null, false);
    }

    public static Order order() {
        return new Order("ord-9", "cid-1", "PA0000A", TENCENT, Side.BUY, OrderType.LIMIT, TimeInForce.DAY,
                new BigDecimal("200"), new BigDecimal("385.20"), null, null, new BigDecimal("100"), new BigDecimal("385.200"),
                OrderStatus.PARTIALLY_FILLED, "partly filled", AT, AT.plusMillis(5));
    }

    public static Execution execution() {
        return new Execution("ex-1", "ord-9", "PA0000A", TENCENT, Side.BUY, new BigDecimal("100"), new BigDecimal("385.2"),
                null, AT);
    }

    public static Position shortPosition() {
        return new Position("PA0000A", BERKSHIRE, new BigDecimal("-3"), new BigDecimal("-3"), new BigDecimal("612000.10"),
                null, null, new BigDecimal("0.00"), "USD");
    }

    public static Balance balance() {
        return new Balance("PA0000A", "HKD", new BigDecimal("100000000.00"), new BigDecimal("99922960"), new BigDecimal("77040"),
                new BigDecimal("1E+8"), BigDecimal.ZERO, new BigDecimal("100000000"), null, new BigDecimal("-12.345678"), AT);
    }

    public static Quote quote() {
        return new Quote(TENCENT, new BigDecimal("385.2"), new BigDecimal("380"), new BigDecimal("386.4"), new BigDecimal("379.8"),
                new BigDecimal("381.0"), new BigDecimal("385.0"), new BigDecimal("1200"), null, null, 12_345_678_901L,
                new BigDecimal("4755123456.70"), TradingPhase.HALTED, AT);
    }

    public static Depth depth() {
        return new Depth(TENCENT, List.of(new DepthLevel(new BigDecimal("385.0"), new BigDecimal("1200"), 3),
                new DepthLevel(new BigDecimal("384.8"), new BigDecimal("400"), 0)),
                List.of(new DepthLevel(new BigDecimal("385.2"), new BigDecimal("800"), 2)), AT);
    }

    public static TradeTick tick() {
        return new TradeTick(TENCENT, new BigDecimal("385.2"), new BigDecimal("300"), AT, TradeTick.Aggressor.SELLER,
                SessionType.REGULAR);
    }

    public static Bar bar() {
        return new Bar(TENCENT, BarPeriod.MIN_5, Instant.parse("2026-03-02T01:30:00Z"), new BigDecimal("385"),
                new BigDecimal("386.4"), new BigDecimal("384.2"), new BigDecimal("385.20"), 98_000, new BigDecimal("37730000.5"));
    }

    public static Instrument instrument() {
        return new Instrument(TENCENT, "Tencent Holdings", InstrumentType.STOCK, "HKD", new BigDecimal("100"), TickSchedule.HKEX);
    }

    public static TradingSession session() {
        return new TradingSession(Market.Region.HK, SessionType.REGULAR, LocalTime.of(9, 30), LocalTime.of(12, 0));
    }

    public static TradingDays days() {
        return new TradingDays(Market.Region.HK, List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3)),
                List.of(LocalDate.of(2026, 12, 24)));
    }
}
