package io.brokergate.auth.oauth;

import io.brokergate.api.security.AccountGrant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an administrator registers. {@link ClientStore#create} validates it.
 *
 * @param confidential       true: a secret is issued (required for client_credentials and the
 *                           JWT-bearer grant); false: a public client, PKCE mandatory
 * @param redirectUris       exact-match allow-list for the authorization endpoint
 * @param logoutRedirectUris exact-match allow-list for {@code GET /oauth/logout}
 * @param scopes             upper bound of what tokens for this client may carry
 * @param accounts           accounts tokens for this client are granted ({@link AccountGrant#ALL} by default)
 * @param certificatePem     X.509 certificate (PEM) whose key signs JWT-bearer assertions; null otherwise
 * @param serverUserId       the {@code sub} (TradingView's "UserId") JWT-bearer assertions must carry
 * @param appUrl             the {@code spurl} (TradingView's "AppUrl") JWT-bearer assertions must carry
 */
public record ClientSpec(String name, boolean confidential, List<String> redirectUris, List<String> logoutRedirectUris,
                         Set<GrantType> grantTypes, Set<String> scopes, AccountGrant accounts, String certificatePem,
                         String serverUserId, String appUrl) {

    public ClientSpec {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        logoutRedirectUris = logoutRedirectUris == null ? List.of() : List.copyOf(logoutRedirectUris);
        grantTypes = grantTypes == null ? Set.of() : Set.copyOf(grantTypes);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        accounts = Objects.requireNonNullElse(accounts, AccountGrant.ALL);
    }

    /** A browser or TradingView client using the authorization code flow with refresh tokens. */
    public static ClientSpec authorizationCode(String name, List<String> redirectUris, Set<String> scopes) {
        return new ClientSpec(name, true, redirectUris, List.of(), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                scopes, AccountGrant.ALL, null, null, null);
    }
}
