package io.brokergate.longport.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionSetTest {

    private static Set<InstrumentId> symbols(int from, int to) {
        Set<InstrumentId> out = new HashSet<>();
        for (int i = from; i < to; i++) {
            out.add(InstrumentId.parse(i + ".HK"));
        }
        return out;
    }

    @Test
    void theCapCountsSymbolsNotKinds() {
        SubscriptionSet set = new SubscriptionSet(500);
        set.add(set.missing(symbols(0, 500), Set.of(SubscriptionKind.QUOTE)));
        // More kinds for subscribed symbols do not count against the cap.
        Map<InstrumentId, Set<SubscriptionKind>> more = set.missing(symbols(0, 500), Set.of(SubscriptionKind.DEPTH));
        assertEquals(500, more.size());
        GatewayException e = assertThrows(GatewayException.class,
                () -> set.missing(symbols(500, 501), Set.of(SubscriptionKind.QUOTE)));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertEquals(500, set.size());
    }

    @Test
    void aRefusedBatchAddsNothing() {
        SubscriptionSet set = new SubscriptionSet(3);
        set.add(set.missing(symbols(0, 2), Set.of(SubscriptionKind.QUOTE)));
        assertThrows(GatewayException.class, () -> set.missing(symbols(1, 4), Set.of(SubscriptionKind.QUOTE)));
        assertEquals(2, set.size());
    }

    @Test
    void removingTheLastKindDropsTheSymbol() {
        SubscriptionSet set = new SubscriptionSet(10);
        InstrumentId id = InstrumentId.parse("700.HK");
        set.add(Map.of(id, Set.of(SubscriptionKind.QUOTE, SubscriptionKind.DEPTH)));
        assertEquals(Map.of(id, Set.of(SubscriptionKind.DEPTH)), set.remove(Map.of(id, Set.of(SubscriptionKind.DEPTH,
                SubscriptionKind.TRADES))));
        assertEquals(Set.of(SubscriptionKind.QUOTE), set.kinds(id));
        set.remove(Map.of(id, Set.of(SubscriptionKind.QUOTE)));
        assertEquals(0, set.size());
    }

    @Test
    void resubscriptionIsGroupedByKindSet() {
        InstrumentId a = InstrumentId.parse("700.HK");
        InstrumentId b = InstrumentId.parse("5.HK");
        InstrumentId c = InstrumentId.parse("AAPL.US");
        Map<Set<SubscriptionKind>, List<InstrumentId>> groups = SubscriptionSet.groupByKinds(Map.of(
                a, Set.of(SubscriptionKind.QUOTE), b, Set.of(SubscriptionKind.QUOTE),
                c, Set.of(SubscriptionKind.QUOTE, SubscriptionKind.TRADES)));
        assertEquals(2, groups.size());
        assertEquals(Set.of(a, b), Set.copyOf(groups.get(Set.of(SubscriptionKind.QUOTE))));
        SubscribeRequest req = QuoteStream.subscribeRequest(List.of(c), Set.of(SubscriptionKind.TRADES), false);
        assertEquals(List.of(SubType.SUB_TYPE_TRADE), req.getSubTypeList());
        assertEquals(false, req.getIsFirstPush());
    }

    @Test
    void theBrokerMayLowerTheCap() {
        SubscriptionSet set = new SubscriptionSet(500);
        set.lowerCap(200);
        assertEquals(200, set.cap());
        set.lowerCap(0);
        set.lowerCap(800);
        assertEquals(200, set.cap());
    }
}
