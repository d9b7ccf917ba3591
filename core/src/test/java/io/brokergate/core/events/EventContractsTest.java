package io.brokergate.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.market.Quote;
import io.brokergate.core.order.Execution;
import io.brokergate.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    private static final InstrumentId TENCENT = InstrumentId.parse("700.HK");

    private static EventStamp stamp(long epoch, long seq) {
        return new EventStamp("t1", "a1", epoch, seq, Instant.EPOCH);
    }

    @Test
    void aNewerEpochWinsOverAnyOlderSequence() {
        assertTrue(stamp(2, 0).isAfter(stamp(1, 999)));
        assertTrue(stamp(1, 5).isAfter(stamp(1, 4)));
        assertFalse(stamp(1, 4).isAfter(stamp(1, 4)), "a duplicate is not newer");
        assertFalse(stamp(1, 9).isAfter(stamp(2, 0)), "a stale owner's event is older whatever its sequence");
    }

    @Test
    void eventsCarryExactlyTheirOwnPayloadAndAStableKey() {
        Quote q = new Quote(TENCENT, BigDecimal.ONE, null, null, null, null, null, null, null, null, 0, null, null, Instant.EPOCH);
        MarketDataEvent e = MarketDataEvent.quote(stamp(1, 1), q);
        assertEquals("a1|700.HK", e.key());
        assertThrows(IllegalArgumentException.class,
                () -> new MarketDataEvent(1, MarketDataEvent.Kind.DEPTH, stamp(1, 1), TENCENT, q, null, null));
        Execution x = new Execution("x1", "o1", "a1", TENCENT, Side.BUY, BigDecimal.TEN, BigDecimal.ONE, null, Instant.EPOCH);
        AccountEvent ae = AccountEvent.execution(stamp(1, 2), x);
        assertTrue(ae.isLossless());
        assertEquals("a1", ae.key());
        assertFalse(AccountEvent.connection(stamp(1, 3), "reconnecting", "socket dropped").isLossless());
        assertThrows(IllegalArgumentException.class,
                () -> new AccountEvent(1, AccountEvent.Kind.ORDER, stamp(1, 4), null, x, null, null, null));
    }

    @Test
    void stampsRejectNegativeCounters() {
        assertThrows(IllegalArgumentException.class, () -> stamp(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> stamp(0, -1));
    }
}
