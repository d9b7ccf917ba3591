package io.brokergate.sim.longport;

import io.brokergate.longport.rest.LongPortErrorCode;
import io.brokergate.longport.rest.LongPortSigner;
import io.brokergate.sim.server.PaperAccount;
import io.brokergate.sim.server.PaperAccounts;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Checks a REST request the way LongPort does (longport.md §1.1-§1.2, §1.4): known app key
 * (403203), a timestamp within the window (403201), a valid signature over the raw method, path,
 * query and body (403201), no replay (403202), and the account's current access token (401003).
 * The signature is checked before the token so that the token cannot be probed without the secret.
 */
final class RestAuthenticator {

    private static final Logger LOG = Logger.getLogger(RestAuthenticator.class);

    static final String API_KEY = "X-Api-Key";
    static final String AUTHORIZATION = "Authorization";
    static final String TIMESTAMP = "X-Timestamp";
    static final String SIGNATURE = "X-Api-Signature";

    private final PaperAccounts accounts;
    private final long windowMillis;
    private final ReplayGuard replays;

    RestAuthenticator(PaperAccounts accounts, Duration timestampWindow) {
        this.accounts = accounts;
        this.windowMillis = timestampWindow.toMillis();
        this.replays = new ReplayGuard(windowMillis);
    }

    /** Step 1: whose request is it? */
    PaperAccount identify(HttpServerRequest request) {
        String appKey = request.getHeader(API_KEY);
        if (appKey == null || appKey.isBlank()) {
            throw RestFailure.of(LongPortErrorCode.API_KEY_ILLEGAL, "missing X-Api-Key header");
        }
        return accounts.byAppKey(appKey.trim())
                .orElseThrow(() -> RestFailure.of(LongPortErrorCode.API_KEY_ILLEGAL, "unknown app key"));
    }

    /** Step 2: is it really from them, fresh, and with a live token? */
    void verify(PaperAccount account, HttpServerRequest request, byte[] body, long nowMillis) {
        String timestamp = request.getHeader(TIMESTAMP);
        String token = request.getHeader(AUTHORIZATION);
        String signature = request.getHeader(SIGNATURE);
        if (timestamp == null || token == null || signature == null) {
            throw RestFailure.of(LongPortErrorCode.SIGNATURE_INVALID,
                    "X-Timestamp, Authorization and X-Api-Signature headers are required");
        }
        long sentAt = RequestTimestamp.toEpochMillis(timestamp);
        if (sentAt < 0) {
            throw RestFailure.of(LongPortErrorCode.SIGNATURE_INVALID,
                    "X-Timestamp must be Unix seconds (integer or fraction) or milliseconds");
        }
        if (Math.abs(nowMillis - sentAt) > windowMillis) {
            throw RestFailure.of(LongPortErrorCode.SIGNATURE_INVALID,
                    "X-Timestamp is more than " + windowMillis / 1000 + " s away from the server clock");
        }
        LongPortSigner.Verification v = LongPortSigner.verify(signature, request.method().name(), request.path(),
                request.query(), token, account.appKey(), timestamp, body, account.appSecret());
        if (!v.valid()) {
            LOG.debugf("signature rejected for account %s: %s", account.accountNo(), v.detail());
            throw RestFailure.of(LongPortErrorCode.SIGNATURE_INVALID, null);
        }
        if (!replays.firstTime(account.appKey(), timestamp, signature, nowMillis)) {
            throw RestFailure.of(LongPortErrorCode.DUPLICATE_REQUEST, "this X-Timestamp and signature were already used");
        }
        // Re-read: a concurrent token refresh must win over the copy identify() returned.
        PaperAccount current = accounts.byAccountNo(account.accountNo()).orElse(account);
        if (!current.accessToken().equals(token)) {
            throw RestFailure.of(LongPortErrorCode.TOKEN_EXPIRED, "access token is not valid for this app key");
        }
        Instant expiresAt = current.tokenExpiresAt();
        if (expiresAt != null && expiresAt.toEpochMilli() <= nowMillis) {
            throw RestFailure.of(LongPortErrorCode.TOKEN_EXPIRED, null);
        }
    }
}
