package io.brokergate.api.security.cluster;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Runs continuations on the Vert.x context of the request that started waiting. A shared fetch
 * completes on the context of whoever started it; requests that joined it must resume on their
 * own event loop and duplicated context, not someone else's.
 */
final class CallerContextExecutor implements Executor {

    private static final Executor DIRECT = Runnable::run;

    private final Context context;

    private CallerContextExecutor(Context context) {
        this.context = context;
    }

    static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? DIRECT : new CallerContextExecutor(context);
    }

    @Override
    public void execute(Runnable command) {
        if (Vertx.currentContext() == context) {
            command.run();
        } else {
            context.runOnContext(ignored -> command.run());
        }
    }
}
