package io.brokergate.auth.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.brokergate.auth.tokens.IssuedAccessToken;
import io.brokergate.auth.tokens.RefreshTokens;
import java.util.Set;

/** RFC 6749 §5.1 successful token response (plus {@code refresh_token_expires_in}, which TradingView reads). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
        @JsonProperty("scope") String scope) {

    public static TokenResponse of(IssuedAccessToken access, RefreshTokens.IssuedRefreshToken refresh, Set<String> scopes) {
        return new TokenResponse(access.token(), "Bearer", access.expiresInSeconds(), refresh == null ? null : refresh.token(),
                refresh == null ? null : refresh.expiresInSeconds(), ScopePolicy.join(scopes));
    }

    @Override
    public String toString() {
        return "TokenResponse[expires_in=" + expiresIn + ", scope=" + scope + "]";
    }
}
