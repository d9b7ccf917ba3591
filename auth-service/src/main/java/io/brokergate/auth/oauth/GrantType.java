package io.brokergate.auth.oauth;

import java.util.Optional;

/** Grants a client may be allowed; {@link #wireName()} is the RFC 6749 {@code grant_type} value. */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    /** Not a token-endpoint grant: {@code response_type=token} at the authorization endpoint. */
    IMPLICIT("implicit"),
    REFRESH_TOKEN("refresh_token"),
    CLIENT_CREDENTIALS("client_credentials"),
    /** RFC 7523 JWT bearer assertion, TradingView's server-to-server "personal JWT" grant. */
    JWT_BEARER("urn:ietf:params:oauth:grant-type:jwt-bearer");

    /** TradingView's name for {@link #JWT_BEARER} (their docs use {@code urn:<broker>:oauth:grant-type:personal-jwt}). */
    public static final String PERSONAL_JWT = "urn:brokergate:oauth:grant-type:personal-jwt";

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The grant a token request names; {@link #IMPLICIT} is never one. */
    public static Optional<GrantType> fromTokenRequest(String grantType) {
        if (PERSONAL_JWT.equals(grantType)) {
            return Optional.of(JWT_BEARER);
        }
        for (GrantType g : values()) {
            if (g != IMPLICIT && g.wireName.equals(grantType)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
