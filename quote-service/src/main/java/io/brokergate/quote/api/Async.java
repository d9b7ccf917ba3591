package io.brokergate.quote.api;

import io.brokergate.quote.symbols.SymbolBatches;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Resource methods return {@link CompletionStage}s (broker calls complete on the broker socket's
 * event loop; nothing blocks). Failures reach the exception mappers as the {@code GatewayException}
 * they are, whether thrown while the call was set up or inside a stage.
 */
public final class Async {

    private Async() {
    }

    public static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> work) {
        CompletionStage<T> stage;
        try {
            stage = work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return stage.exceptionallyCompose(e -> CompletableFuture.failedFuture(SymbolBatches.unwrap(e)));
    }
}
