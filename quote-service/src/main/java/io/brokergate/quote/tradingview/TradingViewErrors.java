package io.brokergate.quote.tradingview;

import io.brokergate.api.tradingview.TradingViewReplies;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.quote.symbols.SymbolBatches;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * TradingView's error envelope {@code {"s":"error","errmsg":"…"}}: HTTP 200 for business errors
 * (TradingView shows {@code errmsg} to the user), 401 for credentials, 403 for a credential that may
 * not call the endpoint, 500 for the unexpected (logged with an incident id, never a stack trace).
 */
public final class TradingViewErrors {

    private static final Logger LOG = Logger.getLogger(TradingViewErrors.class);

    private TradingViewErrors() {
    }

    public static Response render(GatewayException e) {
        return TradingViewReplies.error(e);
    }

    /** Runs a TradingView request: every failure, thrown or in a stage, ends as a {@link GatewayException}. */
    public static <T> CompletionStage<T> guard(String path, Supplier<CompletionStage<T>> work) {
        CompletionStage<T> stage;
        try {
            stage = work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(gateway(path, e));
        }
        return stage.exceptionallyCompose(e -> CompletableFuture.failedFuture(gateway(path, SymbolBatches.unwrap(e))));
    }

    private static GatewayException gateway(String path, Throwable e) {
        if (e instanceof GatewayException g) {
            return g;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s (incident %s)", path, incident);
        return new GatewayException(ErrorCode.INTERNAL, "internal error; incident " + incident);
    }
}
