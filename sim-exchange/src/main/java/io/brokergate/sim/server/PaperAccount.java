package io.brokergate.sim.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One registered paper account and its LongPort credentials. The access token changes when a
 * client calls {@code GET /v1/token/refresh}; everything else is fixed at registration.
 *
 * @param memberId           the number the quote profile reports as member_id
 * @param tokenExpiresAt     null while the token does not expire (tokens given at registration)
 */
public record PaperAccount(String accountNo, String name, long memberId, String appKey, String appSecret,
                           String accessToken, Instant tokenExpiresAt, Map<String, BigDecimal> funding) {

    public PaperAccount withToken(String token, Instant expiresAt) {
        return new PaperAccount(accountNo, name, memberId, appKey, appSecret, token, expiresAt, funding);
    }

    public boolean sameCredentials(PaperAccountSpec spec) {
        return appKey.equals(spec.appKey()) && appSecret.equals(spec.appSecret())
                && accessToken.equals(spec.accessToken());
    }
}
