package io.brokergate.api.security.cluster;

import io.brokergate.api.security.ApiKeyResolver;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialFailure;
import io.brokergate.api.security.InvalidCredentialException;
import io.brokergate.api.security.config.SecuritySettings;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Cluster mode: resolves API keys with auth-service's introspection endpoint (RFC 7662,
 * client_secret_basic as {@code brokergate-introspection}). Answers, active or not, are reused
 * for {@code introspection-cache-ttl}, so a bot polling with its key costs auth-service one call
 * per TTL and a revoked key stops working within the TTL. Entries are keyed by the SHA-256 of the
 * key; the key itself is neither stored nor logged. Identical concurrent lookups share one call,
 * and at most {@code introspection-max-in-flight} calls run at once: beyond that the check fails
 * fast (500, retryable) rather than letting a flood of random keys queue up on auth-service.
 *
 * <p>A default bean: auth-service and all-in-one declare their in-process key store instead.
 */
@DefaultBean
@ApplicationScoped
public class IntrospectionApiKeyResolver implements ApiKeyResolver {

    private static final Logger LOG = Logger.getLogger(IntrospectionApiKeyResolver.class);
    private static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final int MAX_KEY_LENGTH = 512;
    private static final int MAX_CACHED = 50_000;
    private static final Uni<Optional<Caller>> UNKNOWN = Uni.createFrom().item(Optional.empty());

    private final ApiKeyIntrospector introspector;
    private final long ttlNanos;
    private final int maxInFlight;
    private final LongSupplier nanoClock;
    private final AutoCloseable onClose;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Optional<Caller>>> inflight = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    private record Cached(Uni<Optional<Caller>> answer, long expiresAtNanos) {
    }

    @Inject
    public IntrospectionApiKeyResolver(Vertx vertx, SecuritySettings settings) {
        this(new AuthServiceClient(vertx, settings.httpTimeout()), settings);
    }

    private IntrospectionApiKeyResolver(AuthServiceClient client, SecuritySettings settings) {
        this(httpIntrospector(client, settings.introspectionUrl(), settings.introspectionClientId(),
                        settings.introspectionSecret().orElse(null)),
                settings.introspectionCacheTtl(), settings.introspectionMaxInFlight(), System::nanoTime, client::close);
    }

    public IntrospectionApiKeyResolver(ApiKeyIntrospector introspector, Duration cacheTtl, int maxInFlight, LongSupplier nanoClock) {
        this(introspector, cacheTtl, maxInFlight, nanoClock, () -> { });
    }

    private IntrospectionApiKeyResolver(ApiKeyIntrospector introspector, Duration cacheTtl, int maxInFlight,
                                        LongSupplier nanoClock, AutoCloseable onClose) {
        this.introspector = introspector;
        this.ttlNanos = cacheTtl.toNanos();
        this.maxInFlight = maxInFlight;
        this.nanoClock = nanoClock;
        this.onClose = onClose;
    }

    /** Introspection over HTTP; without a secret every lookup fails (misconfiguration, reported as 500). */
    public static ApiKeyIntrospector httpIntrospector(Vertx vertx, Duration timeout, String url, String clientId, String secret) {
        return httpIntrospector(new AuthServiceClient(vertx, timeout), url, clientId, secret);
    }

    private static ApiKeyIntrospector httpIntrospector(AuthServiceClient client, String url, String clientId, String secret) {
        if (secret == null || secret.isEmpty()) {
            LOG.warn("brokergate.security.introspection-secret is not set: API keys cannot be checked");
            return key -> CompletableFuture.failedFuture(new IllegalStateException("introspection secret not configured"));
        }
        // RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding.
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(secret)).getBytes(StandardCharsets.UTF_8));
        return key -> client.postForm(url, authorization, "token=" + formEncode(key), MAX_ANSWER_BYTES)
                .thenApply(body -> IntrospectionAnswer.caller(new JsonObject(body)));
    }

    @Override
    public Uni<Optional<Caller>> resolve(String presentedKey) {
        if (presentedKey == null || presentedKey.length() > MAX_KEY_LENGTH) {
            return UNKNOWN;
        }
        String hash = sha256(presentedKey);
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAtNanos() - nanoClock.getAsLong() > 0) {
            return cached.answer();
        }
        CompletableFuture<Optional<Caller>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Caller>> running = inflight.putIfAbsent(hash, mine);
        if (running == null) {
            start(presentedKey, hash, mine);
            running = mine;
        }
        return Uni.createFrom().completionStage(running).emitOn(CallerContextExecutor.current());
    }

    private void start(String key, String hash, CompletableFuture<Optional<Caller>> result) {
        if (running.incrementAndGet() > maxInFlight) {
            running.decrementAndGet();
            inflight.remove(hash, result);
            result.completeExceptionally(new InvalidCredentialException(CredentialFailure.VERIFIER_UNAVAILABLE));
            return;
        }
        CompletionStage<Optional<Caller>> call;
        try {
            call = introspector.introspect(key);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((caller, failure) -> {
            running.decrementAndGet();
            if (failure == null) {
                remember(hash, caller);
            } else {
                LOG.warnf("API key introspection failed: %s", failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
            inflight.remove(hash, result);
            if (failure == null) {
                result.complete(caller);
            } else {
                result.completeExceptionally(new InvalidCredentialException(CredentialFailure.VERIFIER_UNAVAILABLE));
            }
        });
    }

    private void remember(String hash, Optional<Caller> caller) {
        long now = nanoClock.getAsLong();
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> c.expiresAtNanos() - now <= 0);
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // a flood of distinct keys: forgetting is cheaper than tracking
            }
        }
        cache.put(hash, new Cached(caller.isEmpty() ? UNKNOWN : Uni.createFrom().item(caller), now + ttlNanos));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.debug("closing the introspection client failed", e);
        }
    }
}
