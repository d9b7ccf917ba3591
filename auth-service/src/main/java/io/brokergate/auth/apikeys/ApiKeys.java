package io.brokergate.auth.apikeys;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Scopes;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.core.account.Account;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Creating, listing and revoking a tenant's API keys. A key never carries more than its creator:
 * its scopes and accounts must be subsets of the creator's, so a key cannot escalate privileges.
 * Blocking (JDBC): call from worker threads.
 */
@ApplicationScoped
public class ApiKeys {

    public static final int MAX_ACCOUNTS = 100;
    private static final String ALL_ACCOUNTS = "*";

    private final ApiKeyStore store;
    private final ApiKeyVerifier verifier;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Duration maxLifetime;

    public ApiKeys(ApiKeyStore store, ApiKeyVerifier verifier, AccountStore accounts, AuditLog audit, AuthConfig config) {
        this.store = store;
        this.verifier = verifier;
        this.accounts = accounts;
        this.audit = audit;
        this.maxLifetime = config.apiKeys().maxLifetime();
    }

    /**
     * @throws GatewayException INVALID_REQUEST for unknown scopes or accounts or a bad expiry,
     *                          FORBIDDEN for a scope or account the creator does not hold
     */
    public CreatedApiKey create(Caller creator, NewApiKey request, String source) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Set<String> scopes = checkScopes(creator, request.scopes());
        Set<String> granted = checkAccounts(creator, request.accounts());
        Instant expiresAt = checkExpiry(now, request.expiresAt());
        String secret = ApiKeyFormat.newSecret();
        ApiKey key = new ApiKey(ApiKeyFormat.newId(), creator.tenantId(), request.name(), scopes, granted,
                creator.subject(), now, expiresAt, null, null);
        store.insert(key, ApiKeyFormat.sha256Hex(secret));
        audit.record(creator.tenantId(), creator.subject(), "apikey.create", AuditLog.Outcome.SUCCESS,
                "key " + key.id() + " scopes=" + String.join(",", new TreeSet<>(scopes)) + " accounts="
                        + (granted.contains(ALL_ACCOUNTS) ? "*" : String.valueOf(granted.size())) + " expires=" + expiresAt,
                source);
        return new CreatedApiKey(key, ApiKeyFormat.format(key.id(), secret));
    }

    public List<ApiKey> list(String tenantId) {
        return store.listByTenant(tenantId);
    }

    /** Empty for another tenant's key as for a missing one. */
    public Optional<ApiKey> find(String tenantId, String keyId) {
        return ApiKeyFormat.isKeyId(keyId) ? store.findInTenant(tenantId, keyId) : Optional.empty();
    }

    /** @throws GatewayException NOT_FOUND when the caller's tenant has no such key */
    public void revoke(Caller admin, String keyId, String source) {
        if (!ApiKeyFormat.isKeyId(keyId) || !store.revoke(admin.tenantId(), keyId, Instant.now())) {
            throw GatewayException.notFound("no such api key");
        }
        verifier.evict(keyId);
        audit.record(admin.tenantId(), admin.subject(), "apikey.revoke", AuditLog.Outcome.SUCCESS, "key " + keyId, source);
    }

    private static Set<String> checkScopes(Caller creator, Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw GatewayException.invalid("scopes: at least one scope is required");
        }
        for (String s : requested) {
            if (!Scopes.ALL.contains(s)) {
                throw GatewayException.invalid("scopes: unknown scope '" + s + "'");
            }
            if (!creator.hasScope(s)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "scopes: you cannot grant '" + s + "', which you do not hold");
            }
        }
        return Set.copyOf(requested);
    }

    private Set<String> checkAccounts(Caller creator, Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw GatewayException.invalid("accounts: list account ids, or \"*\" for every account");
        }
        if (requested.contains(ALL_ACCOUNTS)) {
            if (requested.size() != 1) {
                throw GatewayException.invalid("accounts: \"*\" cannot be combined with account ids");
            }
            if (!creator.accounts().all()) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "accounts: you cannot grant every account");
            }
            return Set.of(ALL_ACCOUNTS);
        }
        if (requested.size() > MAX_ACCOUNTS) {
            throw GatewayException.invalid("accounts: at most " + MAX_ACCOUNTS + " ids, or \"*\"");
        }
        Set<String> known = accounts.listByTenant(creator.tenantId()).stream().map(Account::id).collect(Collectors.toSet());
        for (String id : requested) {
            // Another tenant's account is reported exactly like a missing one.
            if (!known.contains(id)) {
                throw GatewayException.invalid("accounts: unknown account '" + id + "'");
            }
            if (!creator.accounts().allows(id)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "accounts: you cannot grant account '" + id + "'");
            }
        }
        return Set.copyOf(requested);
    }

    private Instant checkExpiry(Instant now, Instant requested) {
        Instant latest = now.plus(maxLifetime);
        if (requested == null) {
            return latest;
        }
        if (!requested.isAfter(now)) {
            throw GatewayException.invalid("expires_at must be in the future");
        }
        // A minute of slack for the client's clock and the request's travel time.
        if (requested.isAfter(latest.plus(Duration.ofMinutes(1)))) {
            throw GatewayException.invalid("expires_at is beyond the longest lifetime of " + maxLifetime.toDays() + " days");
        }
        return requested.isAfter(latest) ? latest : requested.truncatedTo(ChronoUnit.MILLIS);
    }
}
