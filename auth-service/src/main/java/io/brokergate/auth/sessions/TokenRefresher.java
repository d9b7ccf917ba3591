package io.brokergate.auth.sessions;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.longport.trading.ApiCredentials;
import io.brokergate.longport.trading.QueryString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Refreshes one connection's LongPort access token ({@code GET /v1/token/refresh}) and stores the
 * new one, re-encrypted. LongPort invalidates the old token as soon as it issues the new one, so
 * a database lease keeps two instances from refreshing the same connection at once. Tokens are
 * never logged or audited. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class TokenRefresher {

    /** What a refresh attempt did. */
    public enum Result {
        /** A new token is stored. */
        REFRESHED,
        /** The token was not within the refresh window (another instance may just have refreshed it). */
        NOT_DUE,
        /** Another instance holds the lease. */
        BUSY,
        /** Refreshed, but an administrator rotated the credentials meanwhile; theirs were kept. */
        SUPERSEDED
    }

    /** @param expiresAt the stored token's expiry after the attempt, or null */
    public record Outcome(String connectionId, Result result, Instant expiresAt) {
    }

    static final String PATH = "/v1/token/refresh";
    static final String ACTOR = "auth-service/session-keeper";
    static final String ACTION = "broker.token.refresh";
    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final int STORE_ATTEMPTS = 3;

    private final BrokerConnectionStore connections;
    private final SessionStore sessions;
    private final LongPortCalls calls;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration window;
    private final Duration lifetime;
    private final Duration lease;
    private final Duration callTimeout;

    @Inject
    public TokenRefresher(BrokerConnectionStore connections, SessionStore sessions, LongPortCalls calls, AuditLog audit,
                          AuthConfig config) {
        this(connections, sessions, calls, audit, config.sessions(), Clock.systemUTC());
    }

    TokenRefresher(BrokerConnectionStore connections, SessionStore sessions, LongPortCalls calls, AuditLog audit,
                   AuthConfig.Sessions config, Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
        this.window = config.refreshWindow();
        this.lifetime = config.tokenLifetime();
        this.lease = config.lease();
        this.callTimeout = config.restTimeout().plusSeconds(5);
    }

    /**
     * @param force refresh even when the token is not within the refresh window (or its expiry is unknown)
     * @throws GatewayException when the connection is unknown or LongPort refuses; audited
     */
    public Outcome refresh(String connectionId, boolean force) {
        Instant now = clock.instant();
        if (!sessions.tryLease(connectionId, now, now.plus(lease))) {
            return new Outcome(connectionId, Result.BUSY, null);
        }
        try {
            Optional<Instant> expiry = sessions.tokenExpiry(connectionId);
            if (!force && (expiry.isEmpty() || expiry.get().isAfter(now.plus(window)))) {
                return new Outcome(connectionId, Result.NOT_DUE, expiry.orElse(null));
            }
            return refreshLeased(connectionId, now);
        } finally {
            sessions.releaseLease(connectionId);
        }
    }

    private Outcome refreshLeased(String connectionId, Instant now) {
        String tenantId = sessions.tenantOf(connectionId).orElseThrow(() -> GatewayException.notFound("no such broker connection"));
        try {
            BrokerCredentials creds = connections.credentials(connectionId)
                    .orElseThrow(() -> GatewayException.notFound("no such broker connection"));
            if (!LongPortCalls.speaksLongPort(creds.broker())) {
                throw GatewayException.invalid("token refresh exists only for LongPort and paper connections");
            }
            String oldToken = ApiCredentials.from(creds).accessToken();
            Instant requested = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
            RefreshedTokenJson answer = await(calls.get(creds, PATH,
                    new QueryString().add("expired_at", requested.toString()), RefreshedTokenJson.class));
            if (!usableToken(answer.token())) {
                throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort returned no usable token");
            }
            Instant expiresAt = parseInstant(answer.expiredAt()).orElse(requested);
            Result result = store(connectionId, oldToken, answer.token(), expiresAt);
            audit.record(tenantId, ACTOR, ACTION, AuditLog.Outcome.SUCCESS, "connection " + connectionId
                    + (result == Result.SUPERSEDED ? " refreshed, but credentials were rotated meanwhile; kept those"
                    : " token expires " + expiresAt), null);
            LOG.infof("access token of connection %s refreshed; it expires %s", connectionId, expiresAt);
            return new Outcome(connectionId, result, result == Result.SUPERSEDED ? null : expiresAt);
        } catch (GatewayException e) {
            audit.record(tenantId, ACTOR, ACTION, AuditLog.Outcome.FAILURE, "connection " + connectionId + ": "
                    + e.code().wireName() + (e.brokerCode() == null ? "" : " (" + e.brokerCode() + ")") + " " + e.getMessage(), null);
            throw e;
        }
    }

    /**
     * Writes the new token unless the stored one changed meanwhile (an administrator's rotation wins).
     * Retried: once LongPort has issued the new token the old one is dead, so losing it here would
     * leave the connection unusable until someone rotates the credentials by hand.
     */
    private Result store(String connectionId, String oldToken, String newToken, Instant expiresAt) {
        StoreException last = null;
        for (int attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
            try {
                BrokerCredentials current = connections.credentials(connectionId)
                        .orElseThrow(() -> GatewayException.notFound("broker connection deleted during refresh"));
                if (!oldToken.equals(current.secrets().get(ApiCredentials.ACCESS_TOKEN))) {
                    return Result.SUPERSEDED;
                }
                Map<String, String> secrets = new HashMap<>(current.secrets());
                secrets.put(ApiCredentials.ACCESS_TOKEN, newToken);
                connections.rotateCredentials(connectionId, secrets);
                sessions.setTokenExpiry(connectionId, expiresAt);
                return Result.REFRESHED;
            } catch (StoreException e) {
                last = e;
                sleepQuietly(200L * attempt);
            }
        }
        LOG.errorf(last, "connection %s: LongPort issued a new access token but it could not be stored; the old "
                + "token is no longer valid, so rotate this connection's credentials", connectionId);
        throw new GatewayException(ErrorCode.INTERNAL, "the refreshed token could not be stored", null, null, last);
    }

    private <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "interrupted while refreshing", null, null, e);
        } catch (TimeoutException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "LongPort did not answer the token refresh", null, null, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof GatewayException g ? g
                    : new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "token refresh failed", null, null, c);
        }
    }

    /** Tokens travel in a header and a signature: no whitespace or control characters, sane length. */
    static boolean usableToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 4096) {
            return false;
        }
        return token.chars().allMatch(ch -> ch > ' ' && ch < 0x7F);
    }

    /** RFC 3339 / ISO-8601 with an offset, or Unix seconds as LongPort uses elsewhere. */
    static Optional<Instant> parseInstant(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.trim()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(s.trim())));
            } catch (NumberFormatException | DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
