package io.brokergate.auth.oauth;

import io.brokergate.auth.keys.KeyRing;
import io.brokergate.auth.login.LoginSessions;
import io.brokergate.auth.login.LoginThrottle;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.auth.tokens.RevokedAccessTokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Deletes what can no longer matter: expired codes, refresh tokens, revocation entries, sessions,
 * throttling rows and long-retired signing keys; also rotates the signing key when due. Runs every
 * 10 minutes on its own daemon thread (no scheduler extension needed); every instance may run it,
 * the deletes are idempotent.
 */
@ApplicationScoped
public class OAuthHousekeeping {

    private static final Logger LOG = Logger.getLogger(OAuthHousekeeping.class);
    private static final long PERIOD_MINUTES = 10;

    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final RevokedAccessTokens revoked;
    private final LoginSessions sessions;
    private final LoginThrottle throttle;
    private final KeyRing ring;
    private ScheduledExecutorService timer;

    public OAuthHousekeeping(AuthorizationCodes codes, RefreshTokens refreshTokens, RevokedAccessTokens revoked, LoginSessions sessions,
                             LoginThrottle throttle, KeyRing ring) {
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.revoked = revoked;
        this.sessions = sessions;
        this.throttle = throttle;
        this.ring = ring;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oauth-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, PERIOD_MINUTES, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One pass; failures are logged and retried next time. */
    public void runOnce() {
        try {
            ring.active();
            int purged = codes.purgeExpired() + refreshTokens.purgeExpired() + revoked.purgeExpired() + sessions.purge()
                    + throttle.purge(Instant.now()) + ring.purgeRetired();
            LOG.debugf("housekeeping removed %d expired rows", purged);
        } catch (RuntimeException e) {
            LOG.warnf(e, "housekeeping pass failed");
        }
    }
}
