package io.brokergate.auth.apikeys;

import io.brokergate.api.security.ApiKeyResolver;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Verifies API keys in-process (auth-service and all-in-one need no HTTP round trip). The
 * database is read on a worker thread, never on the event loop; results, valid or not, are cached
 * for the configured TTL keyed by the SHA-256 of the presented key. The trade-off: a revoked key
 * keeps working for at most one TTL on instances other than the one that revoked it (that one
 * evicts at once), in exchange for no database read on most requests.
 */
@ApplicationScoped
public class ApiKeyVerifier implements ApiKeyResolver {

    private static final Logger LOG = Logger.getLogger(ApiKeyVerifier.class);

    private final ApiKeyStore store;
    private final VerificationCache cache;
    private final Clock clock;
    private final Duration lastUsedResolution;
    /** When this instance last asked the database to record a key's use. */
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    @Inject
    public ApiKeyVerifier(ApiKeyStore store, AuthConfig config) {
        this(store, config.apiKeys().cacheTtl(), config.apiKeys().cacheMaxEntries(),
                config.apiKeys().lastUsedResolution(), Clock.systemUTC(), System::nanoTime);
    }

    ApiKeyVerifier(ApiKeyStore store, Duration cacheTtl, int cacheMaxEntries, Duration lastUsedResolution,
                   Clock clock, LongSupplier nanoClock) {
        this.store = store;
        this.cache = new VerificationCache(cacheTtl, cacheMaxEntries, nanoClock);
        this.clock = clock;
        this.lastUsedResolution = lastUsedResolution;
    }

    /** Non-blocking: a cache hit answers on the calling thread, a miss reads on a worker. */
    @Override
    public Uni<Optional<Caller>> resolve(String presentedKey) {
        if (ApiKeyFormat.parse(presentedKey).isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String digest = ApiKeyFormat.sha256Hex(presentedKey);
        VerificationCache.Entry hit = cache.get(digest);
        if (hit != null) {
            return Uni.createFrom().item(fromCache(digest, hit).map(VerifiedApiKey::caller));
        }
        return Uni.createFrom().item(() -> verifyUncached(presentedKey, digest).map(VerifiedApiKey::caller))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Blocking variant (introspection, tests): call it from a worker thread. */
    public Optional<VerifiedApiKey> verify(String presentedKey) {
        if (ApiKeyFormat.parse(presentedKey).isEmpty()) {
            return Optional.empty();
        }
        String digest = ApiKeyFormat.sha256Hex(presentedKey);
        VerificationCache.Entry hit = cache.get(digest);
        return hit != null ? fromCache(digest, hit) : verifyUncached(presentedKey, digest);
    }

    /** Drops this instance's cached results for a key (after revocation). */
    public void evict(String keyId) {
        cache.evictKey(keyId);
        lastTouched.remove(keyId);
    }

    private Optional<VerifiedApiKey> fromCache(String digest, VerificationCache.Entry hit) {
        Optional<VerifiedApiKey> v = hit.result();
        if (v.isPresent() && !clock.instant().isBefore(v.get().caller().expiresAt())) {
            // Expired while cached: answer as the database would now.
            cache.put(digest, Optional.empty());
            return Optional.empty();
        }
        v.ifPresent(k -> noteUse(k.caller().subject(), true));
        return v;
    }

    private Optional<VerifiedApiKey> verifyUncached(String presentedKey, String digest) {
        ApiKeyFormat.Parsed parsed = ApiKeyFormat.parse(presentedKey).orElseThrow();
        Instant now = clock.instant();
        Optional<VerifiedApiKey> result = store.findForVerification(parsed.id())
                .filter(s -> ApiKeyFormat.secretMatches(parsed.secret(), s.secretSha256()))
                .map(ApiKeyStore.Stored::key)
                .filter(k -> k.usableAt(now))
                .map(ApiKeyVerifier::toVerified);
        cache.put(digest, result);
        result.ifPresent(k -> noteUse(k.caller().subject(), false));
        return result;
    }

    private static VerifiedApiKey toVerified(ApiKey k) {
        Caller caller = new Caller(k.id(), k.tenantId(), k.scopes(), k.grant(), CredentialKind.API_KEY, null, k.expiresAt());
        return new VerifiedApiKey(caller, k.name(), k.createdAt());
    }

    /**
     * Records the use at most once per resolution per instance; the store's conditional update
     * keeps it at once per resolution across instances. On an event loop the write goes to a worker.
     */
    private void noteUse(String keyId, boolean mayBeOnEventLoop) {
        Instant now = clock.instant();
        Instant previous = lastTouched.get(keyId);
        if (previous != null && now.isBefore(previous.plus(lastUsedResolution))) {
            return;
        }
        if (previous == null ? lastTouched.putIfAbsent(keyId, now) != null : !lastTouched.replace(keyId, previous, now)) {
            return; // another thread is recording this use
        }
        Runnable write = () -> {
            try {
                store.touch(keyId, now, now.minus(lastUsedResolution));
            } catch (RuntimeException e) {
                LOG.warnf("cannot record the use of api key %s: %s", keyId, e.getMessage());
            }
        };
        if (mayBeOnEventLoop) {
            Infrastructure.getDefaultWorkerPool().execute(write);
        } else {
            write.run();
        }
    }
}
