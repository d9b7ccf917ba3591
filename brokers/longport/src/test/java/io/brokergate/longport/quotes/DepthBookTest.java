package io.brokergate.longport.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Depth;
import io.brokergate.longport.proto.Depth.Builder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthBookTest {

    private static io.brokergate.longport.proto.Depth level(int position, String price, long volume) {
        Builder b = io.brokergate.longport.proto.Depth.newBuilder().setPosition(position).setPrice(price).setVolume(volume);
        return b.setOrderNum(1).build();
    }

    @Test
    void levelsMergeByPosition() {
        DepthBook book = new DepthBook(10);
        book.apply(List.of(level(1, "388.4", 100), level(2, "388.6", 200)),
                List.of(level(1, "388.2", 300), level(2, "388.0", 400)));
        book.apply(List.of(level(2, "388.8", 250)), List.of());
        Depth d = book.snapshot(InstrumentId.parse("700.HK"), Instant.EPOCH);
        assertEquals(2, d.asks().size());
        assertEquals(new BigDecimal("388.4"), d.asks().get(0).price());
        assertEquals(new BigDecimal("388.8"), d.asks().get(1).price());
        assertEquals(new BigDecimal("250"), d.asks().get(1).quantity());
        assertEquals(new BigDecimal("388.2"), d.bids().get(0).price());
        assertEquals(new BigDecimal("388.2"), book.bestBid().price());
    }

    @Test
    void anEmptyLevelClearsItsPosition() {
        DepthBook book = new DepthBook(10);
        book.apply(List.of(level(1, "10", 1), level(2, "11", 1)), List.of(level(1, "9", 1)));
        book.apply(List.of(level(1, "", 0)), List.of(level(1, "9", 0)));
        Depth d = book.snapshot(InstrumentId.parse("700.HK"), Instant.EPOCH);
        assertEquals(1, d.asks().size());
        assertEquals(new BigDecimal("11"), d.asks().get(0).price());
        assertTrue(d.bids().isEmpty());
        assertNull(book.bestBid());
    }

    @Test
    void positionsOutsideTheBookAreIgnored() {
        DepthBook book = new DepthBook(10);
        book.apply(List.of(level(0, "1", 1), level(11, "2", 1), level(10, "3", 1)), List.of());
        Depth d = book.snapshot(InstrumentId.parse("700.HK"), Instant.EPOCH);
        assertEquals(1, d.asks().size());
        assertEquals(new BigDecimal("3"), d.asks().get(0).price());
    }
}
