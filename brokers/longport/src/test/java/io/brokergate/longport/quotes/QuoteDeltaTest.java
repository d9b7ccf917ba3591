package io.brokergate.longport.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.DepthLevel;
import io.brokergate.core.market.Quote;
import io.brokergate.core.market.TradingPhase;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.TradeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteDeltaTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    private static PushQuote full() {
        return PushQuote.newBuilder().setSymbol("700.HK").setLastDone("388.2").setOpen("380").setHigh("390")
                .setLow("379.5").setTimestamp(1_700_000_000L).setVolume(1_000).setTurnover("388200").build();
    }

    @Test
    void emptyAndZeroFieldsKeepThePreviousValues() {
        Quote first = QuoteDelta.merge(null, full(), TENCENT, null, null);
        PushQuote delta = PushQuote.newBuilder().setSymbol("700.HK").setLastDone("388.4").setHigh("")
                .setLow("0").setVolume(0).setTimestamp(1_700_000_005L).build();
        Quote merged = QuoteDelta.merge(first, delta, TENCENT, null, null);
        assertEquals(new BigDecimal("388.4"), merged.last());
        assertEquals(new BigDecimal("380"), merged.open());
        assertEquals(new BigDecimal("390"), merged.high());
        assertEquals(new BigDecimal("379.5"), merged.low());
        assertEquals(1_000, merged.volume());
        assertEquals(new BigDecimal("388200"), merged.turnover());
        assertEquals(Instant.ofEpochSecond(1_700_000_005L), merged.timestamp());
    }

    @Test
    void zeroTimestampKeepsThePreviousOne() {
        Quote first = QuoteDelta.merge(null, full(), TENCENT, null, null);
        Quote merged = QuoteDelta.merge(first, PushQuote.newBuilder().setVolume(1_200).build(), TENCENT, null, null);
        assertEquals(first.timestamp(), merged.timestamp());
        assertEquals(1_200, merged.volume());
    }

    @Test
    void tradeStatusAlwaysFollowsThePush() {
        Quote halted = QuoteDelta.merge(null, full().toBuilder().setTradeStatus(TradeStatus.TRADE_STATUS_HALTED).build(),
                TENCENT, null, null);
        assertEquals(TradingPhase.HALTED, halted.phase());
        Quote resumed = QuoteDelta.merge(halted, PushQuote.newBuilder().setLastDone("388.6").build(), TENCENT, null, null);
        assertEquals(TradingPhase.NORMAL, resumed.phase());
    }

    @Test
    void depthSuppliesBidAndAsk() {
        DepthLevel bid = new DepthLevel(new BigDecimal("388.2"), new BigDecimal("500"), 3);
        DepthLevel ask = new DepthLevel(new BigDecimal("388.4"), new BigDecimal("700"), 2);
        Quote q = QuoteDelta.merge(null, full(), TENCENT, bid, ask);
        assertEquals(new BigDecimal("388.2"), q.bid());
        assertEquals(new BigDecimal("700"), q.askSize());
        Quote next = QuoteDelta.merge(q, PushQuote.newBuilder().setLastDone("388.3").build(), TENCENT, null, null);
        assertEquals(new BigDecimal("388.4"), next.ask());
    }

    @Test
    void seedAddsThePreviousCloseButKeepsNewerPushedValues() {
        Quote pushed = QuoteDelta.merge(null, full(), TENCENT, null, null);
        assertNull(pushed.prevClose());
        Quote snapshot = new Quote(TENCENT, new BigDecimal("387"), new BigDecimal("380"), null, null, new BigDecimal("385"),
                null, null, null, null, 900, null, TradingPhase.NORMAL, Instant.ofEpochSecond(1_699_999_990L));
        Quote seeded = QuoteDelta.seed(pushed, snapshot);
        assertEquals(new BigDecimal("385"), seeded.prevClose());
        assertEquals(new BigDecimal("388.2"), seeded.last());
        assertEquals(pushed.timestamp(), seeded.timestamp());
        assertEquals(snapshot, QuoteDelta.seed(null, snapshot));
    }
}
