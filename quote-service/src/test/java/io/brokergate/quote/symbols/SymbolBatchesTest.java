package io.brokergate.quote.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SymbolBatchesTest {

    static final Set<String> KNOWN = Set.of("0.HK", "1.HK", "2.HK", "3.HK", "5.HK", "6.HK", "7.HK");

    /** A broker that refuses a whole batch for one symbol it does not know, as LongPort does. */
    static CompletionStage<List<InstrumentId>> strictBroker(List<InstrumentId> ids, List<Integer> calls) {
        calls.add(ids.size());
        for (InstrumentId id : ids) {
            if (!KNOWN.contains(id.symbol())) {
                return CompletableFuture.failedFuture(GatewayException.invalid("unknown symbol " + id));
            }
        }
        return CompletableFuture.completedFuture(ids);
    }

    @Test
    void unknownSymbolsAreIsolatedByHalvingTheBatch() {
        List<InstrumentId> ids = IntStream.range(0, 8).mapToObj(i -> InstrumentId.parse(i + ".HK")).toList();
        List<Integer> calls = new ArrayList<>();
        Map<InstrumentId, InstrumentId> found = SymbolBatches.fetch(ids, batch -> strictBroker(batch, calls), id -> id)
                .toCompletableFuture().join();
        assertEquals(7, found.size());
        assertTrue(!found.containsKey(InstrumentId.parse("4.HK")));
        calls.sort(java.util.Comparator.reverseOrder());
        assertEquals(List.of(8, 4, 4, 2, 2, 1, 1), calls, "log2(8) levels of halving for one unknown symbol");
    }

    @Test
    void aBrokerThatLeavesUnknownSymbolsOutNeedsOneCall() {
        List<InstrumentId> ids = List.of(InstrumentId.parse("0.HK"), InstrumentId.parse("9.HK"));
        Map<InstrumentId, InstrumentId> found = SymbolBatches.fetch(ids,
                batch -> CompletableFuture.completedFuture(batch.subList(0, 1)), id -> id).toCompletableFuture().join();
        assertEquals(Set.of(InstrumentId.parse("0.HK")), found.keySet());
    }

    @Test
    void otherFailuresArePassedOn() {
        CompletionStage<Map<InstrumentId, InstrumentId>> down = SymbolBatches.fetch(List.of(InstrumentId.parse("0.HK")),
                batch -> CompletableFuture.failedFuture(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "down")), id -> id);
        CompletionException e = assertThrows(CompletionException.class, () -> down.toCompletableFuture().join());
        assertEquals(ErrorCode.BROKER_UNAVAILABLE, ((GatewayException) e.getCause()).code());
    }

    @Test
    void requestedSymbolsAreParsedWithTheirSpelling() {
        List<Symbols.Requested> r = Symbols.parseList(" 700.hk ,AAPL.US,700.HK", 10);
        assertEquals(2, r.size(), "duplicates once");
        assertEquals("700.hk", r.get(0).asGiven());
        assertEquals(InstrumentId.parse("700.HK"), r.get(0).id());
        assertEquals("at most 2 symbols per request, got 3: split the list into several requests",
                assertThrows(GatewayException.class, () -> Symbols.parseList("A.US,B.US,C.US", 2)).getMessage());
    }
}
