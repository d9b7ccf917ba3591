package io.brokergate.api.security;

/**
 * Claims of auth-service's RS256 access tokens besides the registered ones ({@code iss},
 * {@code sub}, {@code aud}, {@code exp}, {@code iat}, {@code jti}); the header carries {@code kid}.
 */
public final class TokenClaims {

    /** Tenant id of the caller. */
    public static final String TENANT = "tenant";
    /** Space-separated scopes (RFC 8693 style). */
    public static final String SCOPE = "scope";
    /** Granted account ids (JSON array); {@code ["*"]} grants every account of the tenant. */
    public static final String ACCOUNTS = "accts";
    /** OAuth client the token was issued to. */
    public static final String CLIENT_ID = "client_id";
    /** How the caller authenticated: see {@link CredentialKind}. */
    public static final String KIND = "bg_kind";
    /** Audience every gateway service accepts. */
    public static final String AUDIENCE = "brokergate";
    /** Prefix of API keys: {@code bgk_<id>_<secret>}. */
    public static final String API_KEY_PREFIX = "bgk_";

    private TokenClaims() {
    }
}
