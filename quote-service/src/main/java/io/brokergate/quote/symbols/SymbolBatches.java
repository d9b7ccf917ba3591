package io.brokergate.quote.symbols;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Multi-symbol broker calls that survive unknown symbols. LongPort refuses a whole request for one
 * symbol it does not know (or, elsewhere, leaves it out of the answer); either way the caller needs
 * to know which symbols are unknown. A refused batch is split in halves until the culprits are
 * isolated: k unknown symbols among n cost about 2k·log2(n) extra calls, and unknown symbols are
 * remembered by the caller so the cost is paid once.
 */
public final class SymbolBatches {

    private SymbolBatches() {
    }

    /**
     * @param call    one broker call for a batch
     * @param idOf    the symbol an answer item belongs to
     * @return answers by symbol; symbols absent from the map are unknown to the broker
     */
    public static <T> CompletionStage<Map<InstrumentId, T>> fetch(List<InstrumentId> ids,
                                                                  Function<List<InstrumentId>, CompletionStage<List<T>>> call,
                                                                  Function<T, InstrumentId> idOf) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        CompletionStage<List<T>> stage;
        try {
            stage = call.apply(ids);
        } catch (GatewayException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.thenApply(items -> {
            Map<InstrumentId, T> out = new HashMap<>();
            items.forEach(t -> out.put(idOf.apply(t), t));
            return out;
        }).exceptionallyCompose(e -> {
            Throwable cause = unwrap(e);
            if (!(cause instanceof GatewayException g) || g.code() != ErrorCode.INVALID_REQUEST) {
                return CompletableFuture.failedFuture(cause);
            }
            if (ids.size() == 1) {
                return CompletableFuture.completedFuture(Map.of());
            }
            int half = ids.size() / 2;
            CompletableFuture<Map<InstrumentId, T>> left = fetch(ids.subList(0, half), call, idOf).toCompletableFuture();
            CompletableFuture<Map<InstrumentId, T>> right = fetch(ids.subList(half, ids.size()), call, idOf).toCompletableFuture();
            return left.thenCombine(right, (a, b) -> {
                Map<InstrumentId, T> both = new HashMap<>(a);
                both.putAll(b);
                return both;
            });
        });
    }

    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
