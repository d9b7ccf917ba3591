package io.brokergate.trade.risk;

import io.brokergate.api.security.AccountAccess;
import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountDirectory;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Changes to limits and kill switches, always within the caller's tenant: written to the
 * database, then applied on this pod at once (other pods follow within the sync interval).
 * Blocking: call from worker threads.
 */
@ApplicationScoped
public class RiskAdmin {

    /** API keys are not known to trade-service; an id of this shape is accepted and only ever matches the caller's tenant. */
    static final Pattern API_KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_ACCOUNT_ID = 64;

    private final RiskStore store;
    private final RiskSync sync;
    private final AccountDirectory accounts;
    private final Event<KillSwitchEngaged> engagedEvents;

    public RiskAdmin(RiskStore store, RiskSync sync, AccountDirectory accounts, Event<KillSwitchEngaged> engagedEvents) {
        this.store = store;
        this.sync = sync;
        this.accounts = accounts;
        this.engagedEvents = engagedEvents;
    }

    public List<ScopeLimits> list(Caller caller) {
        return store.limits(caller.tenantId());
    }

    public Optional<ScopeLimits> find(Caller caller, RiskScope scope, String scopeId) {
        requireScope(caller, scope, scopeId);
        return store.limits(caller.tenantId(), scope, scopeId);
    }

    /** Replaces the scope's limits with the JSON document {@code body}; the scope is checked before the body is read. */
    public ScopeLimits put(Caller caller, RiskScope scope, String scopeId, String body) {
        requireScope(caller, scope, scopeId);
        RiskLimits limits = RiskLimitsJson.parse(body);
        ScopeLimits stored = new ScopeLimits(caller.tenantId(), scope, scopeId, limits, caller.subject(), now());
        store.put(stored);
        sync.reload();
        return stored;
    }

    /** False when the scope had no limits. */
    public boolean delete(Caller caller, RiskScope scope, String scopeId) {
        requireScope(caller, scope, scopeId);
        boolean deleted = store.delete(caller.tenantId(), scope, scopeId);
        sync.reload();
        return deleted;
    }

    public List<KillSwitch> killSwitches(Caller caller) {
        return store.killSwitches(caller.tenantId());
    }

    /**
     * Engages the switch of an account (or, with a null account, of the whole tenant), then fires
     * {@link KillSwitchEngaged} so the order path cancels the open orders. Engaging again fires
     * again: a way to retry a cancel-all that failed. An observer's failure reaches the caller (500,
     * switch engaged).
     */
    public KillSwitch engage(Caller caller, String accountId, String reason) {
        if (accountId != null) {
            requireAccount(caller, accountId);
        }
        KillSwitch engaged = new KillSwitch(caller.tenantId(), accountId, reason, caller.subject(), now());
        store.engage(engaged);
        sync.reload();
        engagedEvents.fire(new KillSwitchEngaged(caller.tenantId(), accountId, caller.subject()));
        return engaged;
    }

    /** False when the switch was not engaged. */
    public boolean release(Caller caller, String accountId) {
        if (accountId != null) {
            requireAccount(caller, accountId);
        }
        boolean released = store.release(caller.tenantId(), accountId);
        sync.reload();
        return released;
    }

    /** Milliseconds: what every database keeps, so an answer and a later read show the same time. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireScope(Caller caller, RiskScope scope, String scopeId) {
        switch (scope) {
            case TENANT -> {
            }
            case ACCOUNT -> requireAccount(caller, scopeId);
            case API_KEY -> {
                if (scopeId == null || !API_KEY_ID.matcher(scopeId).matches()) {
                    throw GatewayException.invalid("an API key id has 1 to 64 characters: letters, digits, '.', '_' and '-'");
                }
            }
        }
    }

    /** Another tenant's account, one outside the caller's grant and a missing one are the same 404. */
    private void requireAccount(Caller caller, String accountId) {
        Account account = accountId == null || accountId.isEmpty() || accountId.length() > MAX_ACCOUNT_ID
                ? null : accounts.find(accountId).orElse(null);
        AccountAccess.requireAccount(caller, account == null ? null : account.tenantId(), accountId);
    }
}
