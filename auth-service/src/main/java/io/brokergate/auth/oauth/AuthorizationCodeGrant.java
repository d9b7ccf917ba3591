package io.brokergate.auth.oauth;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.login.UserDirectory;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.IssuedAccessToken;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.auth.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;

/**
 * {@code grant_type=authorization_code} (RFC 6749 §4.1.3, RFC 7636). The code is spent before
 * its bindings are checked, so a wrong verifier or client burns it: PKCE cannot be guessed
 * through retries. A replayed code revokes every token issued from it.
 */
@ApplicationScoped
public class AuthorizationCodeGrant {

    private final ClientAuthenticator authenticator;
    private final AuthorizationCodes codes;
    private final UserDirectory users;
    private final AccessTokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final Duration accessTtl;

    public AuthorizationCodeGrant(ClientAuthenticator authenticator, AuthorizationCodes codes, UserDirectory users,
                                  AccessTokenIssuer issuer, RefreshTokens refreshTokens, AuditLog audit, AuthConfig config) {
        this.authenticator = authenticator;
        this.codes = codes;
        this.users = users;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.accessTtl = config.tokens().accessTtl();
    }

    public TokenResponse exchange(UrlEncodedForm form, String authorization, String source) {
        OAuthClient client = authenticator.authenticate(authorization, form, null, true, source);
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            throw OAuthError.unauthorizedClient("this client may not use authorization_code");
        }
        String code = form.get("code");
        if (code == null) {
            throw OAuthError.invalidRequest("code is required");
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(code);
        if (redemption instanceof AuthorizationCodes.Redemption.Replayed replayed) {
            refreshTokens.revokeFamily(replayed.grant().familyId());
            audit.record(replayed.grant().tenantId(), "client:" + client.clientId(), "code.replay", AuditLog.Outcome.DENIED,
                    "authorization code presented again; family " + replayed.grant().familyId() + " revoked", source);
            throw OAuthError.invalidGrant("the authorization code was already used; tokens issued from it are revoked");
        }
        if (!(redemption instanceof AuthorizationCodes.Redemption.Redeemed redeemed)) {
            throw OAuthError.invalidGrant("invalid or expired authorization code");
        }
        AuthorizationCodes.CodeGrant grant = redeemed.grant();
        checkBindings(grant, client, form);
        User user = users.activeUser(grant.userId()).filter(u -> u.tenantId().equals(client.tenantId()))
                .orElseThrow(() -> OAuthError.invalidGrant("the user can no longer sign in"));
        Set<String> scopes = ScopePolicy.narrow(ScopePolicy.narrow(grant.scopes(), user.scopes()), client.scopes());
        if (scopes.isEmpty()) {
            throw OAuthError.invalidGrant("no scope left to grant");
        }
        IssuedAccessToken access = issuer.issue(new AccessTokenRequest(user.id(), client.tenantId(), scopes, client.accounts(),
                client.clientId(), CredentialKind.USER, accessTtl));
        refreshTokens.recordAccessToken(grant.familyId(), access);
        RefreshTokens.IssuedRefreshToken refresh = client.allows(GrantType.REFRESH_TOKEN)
                ? refreshTokens.issue(grant.familyId(), client.clientId(), client.tenantId(), user.id(), CredentialKind.USER, scopes,
                        client.accounts())
                : null;
        audit.record(client.tenantId(), "user:" + user.id(), "token.issue", AuditLog.Outcome.SUCCESS,
                "authorization_code, client " + client.clientId() + ", jti " + access.jti(), source);
        return TokenResponse.of(access, refresh, scopes);
    }

    private static void checkBindings(AuthorizationCodes.CodeGrant grant, OAuthClient client, UrlEncodedForm form) {
        if (!grant.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("the authorization code was issued to another client");
        }
        String redirect = form.get("redirect_uri");
        boolean redirectOk = redirect != null ? redirect.equals(grant.redirectUri())
                : client.redirectUris().size() == 1 && client.redirectUris().get(0).equals(grant.redirectUri());
        if (!redirectOk) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        String verifier = form.get("code_verifier");
        if (grant.codeChallenge() != null) {
            if (verifier == null) {
                throw OAuthError.invalidGrant("code_verifier is required");
            }
            if (!Pkce.verifies(verifier, grant.codeChallenge())) {
                throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
            }
        } else if (verifier != null) {
            // A verifier for a code issued without a challenge signals a downgrade attempt.
            throw OAuthError.invalidGrant("no code_challenge was sent for this code");
        }
    }
}
