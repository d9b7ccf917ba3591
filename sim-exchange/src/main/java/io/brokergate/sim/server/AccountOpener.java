package io.brokergate.sim.server;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.sim.engine.SimExchange;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Opens a paper account: registers its LongPort credentials, then makes sure the engine has the
 * account, funded per spec when it is new. Idempotent by account number, so a restarted gateway can
 * re-register every account it stored.
 */
public final class AccountOpener {

    private static final Logger LOG = Logger.getLogger(AccountOpener.class);

    private final PaperAccounts accounts;
    private final SimExchange exchange;

    public AccountOpener(PaperAccounts accounts, SimExchange exchange) {
        this.accounts = accounts;
        this.exchange = exchange;
    }

    /** @throws IllegalArgumentException when the app key belongs to another account */
    public CompletionStage<PaperAccount> open(PaperAccountSpec spec) {
        PaperAccounts.Registration r = accounts.register(spec);
        if (r.created()) {
            LOG.infof("paper account %s (%s) registered", spec.accountNo(), spec.name());
        }
        CompletableFuture<PaperAccount> done = new CompletableFuture<>();
        exchange.createAccount(spec.accountNo(), spec.funding().isEmpty() ? null : spec.funding())
                .whenComplete((info, failure) -> {
                    Throwable t = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (t == null || (t instanceof GatewayException g && g.code() == ErrorCode.CONFLICT)) {
                        done.complete(r.account()); // conflict: the engine already has it, which is the goal
                    } else {
                        done.completeExceptionally(t);
                    }
                });
        return done;
    }
}
