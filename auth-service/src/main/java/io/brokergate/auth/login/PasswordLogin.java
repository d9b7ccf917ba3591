package io.brokergate.auth.login;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.users.PasswordHasher;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks a login and password for the login page and TradingView's password flow, with
 * brute-force throttling ({@link LoginThrottle}) per login and per source address, and without
 * revealing which logins exist: unknown users, wrong passwords, disabled users and users of another
 * tenant all get the same {@link LoginOutcome.Rejected}, and unknown users still cost one Argon2id
 * verification (against a dummy hash) so response times match. At most
 * {@code max-concurrent-hashes} Argon2id checks run at once, bounding memory under a login flood.
 * Blocking (Argon2id, database): call from worker threads only.
 */
@ApplicationScoped
public class PasswordLogin {

    private static final int MAX_LOGIN = 100;
    private static final int MAX_PASSWORD = 1024;
    private static final long HASH_SLOT_WAIT_SECONDS = 5;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final AuthConfig.Login config;
    private final Semaphore hashSlots;
    private volatile String dummyHash;

    public PasswordLogin(UserStore users, PasswordHasher hasher, LoginThrottle throttle, AuditLog audit, AuthConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config.login();
        int slots = config.login().maxConcurrentHashes().orElse(Runtime.getRuntime().availableProcessors());
        this.hashSlots = new Semaphore(Math.max(1, slots));
    }

    /**
     * @param requiredTenant the tenant of the OAuth client the user logs in to, or null (password flow)
     * @param channel        where the attempt came from, for the audit log ({@code oauth}, {@code tradingview})
     */
    public LoginOutcome attempt(String login, String password, String source, String requiredTenant, String channel) {
        Instant now = Instant.now();
        String userKey = LoginThrottle.userKey(login);
        String sourceKey = LoginThrottle.sourceKey(source);
        String actor = "login:" + (login == null ? "" : login);
        Optional<LoginThrottle.Block> block = worst(throttle.blocked(userKey, now), throttle.blocked(sourceKey, now));
        if (block.isPresent()) {
            if (!block.get().locked()) {
                // Hammering through the delay counts: it only brings the lock closer.
                block = worst(block, recordFailure(userKey, sourceKey, now));
            }
            String why = block.get().locked() ? "locked" : "throttled";
            audit.record(null, actor, "login", AuditLog.Outcome.DENIED, channel + ": " + why, source);
            return new LoginOutcome.Throttled(block.get().retryAfter(), block.get().locked());
        }
        Optional<User> user = login == null || login.length() > MAX_LOGIN ? Optional.empty() : users.findByLogin(login);
        boolean usable = password != null && password.length() <= MAX_PASSWORD;
        // Unknown logins and unusable passwords still cost one verification (against the dummy hash).
        String hash = usable ? user.map(User::passwordHash).orElseGet(this::dummyHash) : dummyHash();
        if (!acquireHashSlot()) {
            audit.record(null, actor, "login", AuditLog.Outcome.DENIED, channel + ": busy", source);
            return new LoginOutcome.Busy();
        }
        boolean passwordOk;
        try {
            passwordOk = hasher.verify(usable ? password : "", hash) && usable;
        } finally {
            hashSlots.release();
        }
        String reason = user.isEmpty() ? "unknown login" : !passwordOk ? "wrong password" : user.get().disabled() ? "disabled user"
                : requiredTenant != null && !requiredTenant.equals(user.get().tenantId()) ? "user of another tenant" : null;
        if (reason == null) {
            throttle.clear(userKey);
            audit.record(user.get().tenantId(), "user:" + user.get().id(), "login", AuditLog.Outcome.SUCCESS, channel, source);
            return new LoginOutcome.Authenticated(user.get());
        }
        Optional<LoginThrottle.Block> after = recordFailure(userKey, sourceKey, now);
        audit.record(user.map(User::tenantId).orElse(null), actor, "login", AuditLog.Outcome.FAILURE, channel + ": " + reason, source);
        if (after.isPresent() && after.get().locked()) {
            return new LoginOutcome.Throttled(after.get().retryAfter(), true);
        }
        return new LoginOutcome.Rejected();
    }

    /** Computes the dummy hash at start-up, so the first unknown login is not slower than the rest. */
    void onStart(@Observes StartupEvent event) {
        dummyHash();
    }

    private Optional<LoginThrottle.Block> recordFailure(String userKey, String sourceKey, Instant now) {
        return worst(throttle.recordFailure(userKey, config.userDelayAfter(), config.userLockAfter(), now),
                throttle.recordFailure(sourceKey, config.sourceDelayAfter(), config.sourceLockAfter(), now));
    }

    private boolean acquireHashSlot() {
        try {
            return hashSlots.tryAcquire(HASH_SLOT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A lock beats a delay; otherwise the longer wait wins. */
    private static Optional<LoginThrottle.Block> worst(Optional<LoginThrottle.Block> a, Optional<LoginThrottle.Block> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        if (a.get().locked() != b.get().locked()) {
            return a.get().locked() ? a : b;
        }
        return a.get().retryAfter().compareTo(b.get().retryAfter()) >= 0 ? a : b;
    }

    /** A real Argon2id hash with the configured cost, so an unknown login costs what a known one does. */
    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash(UUID.randomUUID().toString());
            dummyHash = h;
        }
        return h;
    }
}
