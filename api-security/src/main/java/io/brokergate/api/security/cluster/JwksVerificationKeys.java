package io.brokergate.api.security.cluster;

import io.brokergate.api.security.VerificationKeys;
import io.brokergate.api.security.config.SecuritySettings;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Cluster mode: the keys of auth-service's JWKS, cached by kid. A known kid is answered from
 * memory. An unknown kid triggers a refetch (a rotation published a new key), but at most one per
 * {@code jwks-min-refetch-interval}, so a flood of forged kids costs auth-service one request per
 * interval; concurrent misses share that one fetch. Keys stay until a fetch no longer lists them;
 * after {@code jwks-max-age} the set is refreshed in the background so removed keys stop
 * verifying. A failed fetch keeps the previous keys.
 *
 * <p>A default bean: auth-service and all-in-one declare their in-process key ring instead.
 */
@DefaultBean
@ApplicationScoped
public class JwksVerificationKeys implements VerificationKeys {

    private static final Logger LOG = Logger.getLogger(JwksVerificationKeys.class);
    private static final int MAX_JWKS_BYTES = 256 * 1024;
    private static final Uni<Optional<PublicKey>> NO_KEY = Uni.createFrom().item(Optional.empty());

    private final JwksSource source;
    private final long minRefetchNanos;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final AutoCloseable onClose;

    /** Immutable snapshot; each value is a ready answer so a hit allocates nothing. */
    private volatile Map<String, Uni<Optional<PublicKey>>> keys = Map.of();
    private volatile boolean loaded;
    private volatile long loadedAtNanos;
    // guarded by this
    private boolean attempted;
    private long attemptedAtNanos;
    private CompletableFuture<Void> inflight;

    @Inject
    public JwksVerificationKeys(Vertx vertx, SecuritySettings settings) {
        this(new AuthServiceClient(vertx, settings.httpTimeout()), settings);
    }

    private JwksVerificationKeys(AuthServiceClient client, SecuritySettings settings) {
        this(httpSource(client, settings.jwksUrl()), settings.jwksMinRefetchInterval(), settings.jwksMaxAge(),
                System::nanoTime, client::close);
    }

    public JwksVerificationKeys(JwksSource source, Duration minRefetchInterval, Duration maxAge, LongSupplier nanoClock) {
        this(source, minRefetchInterval, maxAge, nanoClock, () -> { });
    }

    private JwksVerificationKeys(JwksSource source, Duration minRefetchInterval, Duration maxAge, LongSupplier nanoClock,
                                 AutoCloseable onClose) {
        this.source = source;
        this.minRefetchNanos = minRefetchInterval.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.onClose = onClose;
    }

    /** Reads the JWKS over HTTP. */
    public static JwksSource httpSource(Vertx vertx, Duration timeout, String url) {
        return httpSource(new AuthServiceClient(vertx, timeout), url);
    }

    private static JwksSource httpSource(AuthServiceClient client, String url) {
        return () -> client.get(url, MAX_JWKS_BYTES)
                .thenApply(body -> {
                    try {
                        return JwksDocument.verificationKeys(body.toString(StandardCharsets.UTF_8));
                    } catch (Exception e) {
                        throw new IllegalStateException("JWKS from " + url + " unreadable: " + e.getMessage(), e);
                    }
                });
    }

    @Override
    public Uni<Optional<PublicKey>> forKid(String kid) {
        Uni<Optional<PublicKey>> known = keys.get(kid);
        if (known != null) {
            if (loaded && nanoClock.getAsLong() - loadedAtNanos > maxAgeNanos) {
                refetch();
            }
            return known;
        }
        CompletableFuture<Void> fetch = refetch();
        if (fetch == null) {
            return NO_KEY;
        }
        return Uni.createFrom().completionStage(fetch)
                .flatMap(ignored -> keys.getOrDefault(kid, NO_KEY))
                .emitOn(CallerContextExecutor.current());
    }

    /** The fetch in flight or a new one, or null when the last one started less than the minimum interval ago. */
    private synchronized CompletableFuture<Void> refetch() {
        if (inflight != null && !inflight.isDone()) {
            return inflight;
        }
        long now = nanoClock.getAsLong();
        if (attempted && now - attemptedAtNanos < minRefetchNanos) {
            return null;
        }
        attempted = true;
        attemptedAtNanos = now;
        CompletionStage<Map<String, PublicKey>> fetched;
        try {
            fetched = source.fetch();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        inflight = fetched.toCompletableFuture().handle((map, failure) -> {
            install(map, failure);
            return null;
        });
        return inflight;
    }

    private void install(Map<String, PublicKey> fetched, Throwable failure) {
        if (failure != null) {
            LOG.warnf("JWKS fetch failed, keeping %d known keys: %s", keys.size(), rootMessage(failure));
            return;
        }
        Map<String, Uni<Optional<PublicKey>>> next = new HashMap<>();
        fetched.forEach((kid, key) -> next.put(kid, Uni.createFrom().item(Optional.of(key))));
        if (!next.keySet().equals(keys.keySet())) {
            LOG.infof("JWKS loaded: key ids %s", next.keySet());
        }
        keys = Map.copyOf(next);
        loadedAtNanos = nanoClock.getAsLong();
        loaded = true;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @PreDestroy
    void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.debug("closing the JWKS client failed", e);
        }
    }
}
