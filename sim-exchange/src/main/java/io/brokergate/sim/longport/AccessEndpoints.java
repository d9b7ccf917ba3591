package io.brokergate.sim.longport;

import io.brokergate.longport.rest.SocketTokenJson;
import io.brokergate.sim.server.PaperAccount;
import io.brokergate.sim.server.SimRuntime;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jboss.logging.Logger;

/** {@code GET /v1/socket/token} and {@code GET /v1/token/refresh}: the credentials that are not orders. */
final class AccessEndpoints {

    private static final Logger LOG = Logger.getLogger(AccessEndpoints.class);
    /** The SDK's default when it does not say: 90 days. */
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(90);

    private final SimRuntime runtime;
    private final OneTimePasswords otps;
    private final LongPortSockets sockets;

    AccessEndpoints(SimRuntime runtime, OneTimePasswords otps, LongPortSockets sockets) {
        this.runtime = runtime;
        this.otps = otps;
        this.sockets = sockets;
    }

    void register(LongPortRestApi api) {
        api.add("GET", "/v1/socket/token", false, this::socketToken);
        api.add("GET", "/v1/token/refresh", false, this::refreshToken);
    }

    private Future<?> socketToken(RestCall call) {
        String otp = otps.issue(call.accountNo(), System.currentTimeMillis());
        return Future.succeededFuture(new SocketTokenJson(otp, runtime.settings().limits().socketsPerAccount(),
                sockets.online(call.accountNo())));
    }

    /** Issues a new token and invalidates the old one at once, as LongPort does. */
    private Future<?> refreshToken(RestCall call) {
        String requested = call.query("expired_at");
        Instant now = Instant.now();
        Instant expiresAt;
        if (requested == null || requested.isBlank()) {
            expiresAt = now.plus(DEFAULT_TOKEN_LIFETIME);
        } else {
            try {
                expiresAt = OffsetDateTime.parse(requested).toInstant();
            } catch (DateTimeParseException e) {
                throw OrderWireMapping.invalid("expired_at must be an RFC 3339 instant such as 2030-01-01T00:00:00Z");
            }
            if (!expiresAt.isAfter(now)) {
                throw OrderWireMapping.invalid("expired_at must be in the future");
            }
        }
        String token = RandomTokens.next(36);
        PaperAccount updated = runtime.accounts().replaceToken(call.accountNo(), token, expiresAt);
        LOG.infof("access token of account %s refreshed (expires %s)", updated.accountNo(), expiresAt);
        return Future.succeededFuture(new RefreshTokenJson(token, expiresAt.toString(), now.toString(),
                new RefreshTokenJson.AccountInfo(updated.memberId(), updated.accountNo(), "lb_papertrading")));
    }
}
