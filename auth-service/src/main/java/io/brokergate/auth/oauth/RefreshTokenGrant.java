package io.brokergate.auth.oauth;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.login.UserDirectory;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.IssuedAccessToken;
import io.brokergate.auth.tokens.RefreshGrant;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.auth.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;

/**
 * {@code grant_type=refresh_token} (RFC 6749 §6) with rotation: every use spends the presented
 * token and returns a new one of the same family; presenting a spent token again revokes the
 * family. Access tokens issued earlier keep working until they expire (TradingView switches to
 * the new one only gradually). TradingView sends {@code client_secret} without {@code client_id}:
 * the client is then the one the refresh token was issued to. Scopes can only stay or narrow.
 */
@ApplicationScoped
public class RefreshTokenGrant {

    private final ClientAuthenticator authenticator;
    private final RefreshTokens refreshTokens;
    private final UserDirectory users;
    private final AccessTokenIssuer issuer;
    private final AuditLog audit;
    private final Duration accessTtl;

    public RefreshTokenGrant(ClientAuthenticator authenticator, RefreshTokens refreshTokens, UserDirectory users,
                             AccessTokenIssuer issuer, AuditLog audit, AuthConfig config) {
        this.authenticator = authenticator;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.audit = audit;
        this.accessTtl = config.tokens().accessTtl();
    }

    public TokenResponse exchange(UrlEncodedForm form, String authorization, String source) {
        String presented = form.get("refresh_token");
        if (presented == null) {
            throw OAuthError.invalidRequest("refresh_token is required");
        }
        RefreshGrant found = refreshTokens.find(presented).orElse(null);
        boolean namesClient = form.has("client_id") || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
        if (found == null && !namesClient) {
            throw OAuthError.invalidGrant("invalid refresh token");
        }
        OAuthClient client = authenticator.authenticate(authorization, form, found == null ? null : found.clientId(), true, source);
        if (found == null || !found.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("invalid refresh token");
        }
        if (!client.allows(GrantType.REFRESH_TOKEN)) {
            throw OAuthError.unauthorizedClient("this client may not use refresh_token");
        }
        // Checked before the token is spent, so a bad scope does not cost the client its token.
        Set<String> requested = form.has("scope") ? ScopePolicy.requested(form.get("scope"), found.scopes()) : found.scopes();
        RefreshTokens.Rotation rotation = refreshTokens.rotate(presented);
        if (rotation instanceof RefreshTokens.Rotation.Reused reused) {
            audit.record(reused.grant().tenantId(), "client:" + client.clientId(), "token.refresh.reuse", AuditLog.Outcome.DENIED,
                    "rotated refresh token presented again; family " + reused.grant().familyId() + " revoked", source);
            throw OAuthError.invalidGrant("the refresh token was already used; every token of this grant is revoked");
        }
        if (!(rotation instanceof RefreshTokens.Rotation.Rotated rotated)) {
            throw OAuthError.invalidGrant("invalid refresh token");
        }
        RefreshGrant grant = rotated.grant();
        Set<String> held = holderScopes(grant, client);
        Set<String> familyScopes = ScopePolicy.narrow(ScopePolicy.narrow(grant.scopes(), held), client.scopes());
        Set<String> tokenScopes = ScopePolicy.narrow(requested, familyScopes);
        if (tokenScopes.isEmpty()) {
            refreshTokens.revokeFamily(grant.familyId());
            throw OAuthError.invalidGrant("no scope left to grant");
        }
        AccountGrant accounts = ScopePolicy.narrow(grant.accounts(), client.accounts());
        IssuedAccessToken access = issuer.issue(new AccessTokenRequest(grant.subject(), grant.tenantId(), tokenScopes, accounts,
                client.clientId(), grant.kind(), accessTtl));
        refreshTokens.recordAccessToken(grant.familyId(), access);
        RefreshTokens.IssuedRefreshToken refresh = refreshTokens.issue(grant.familyId(), client.clientId(), grant.tenantId(),
                grant.subject(), grant.kind(), familyScopes, accounts);
        audit.record(grant.tenantId(), "user:" + grant.subject(), "token.issue", AuditLog.Outcome.SUCCESS,
                "refresh_token, client " + client.clientId() + ", jti " + access.jti(), source);
        return TokenResponse.of(access, refresh, tokenScopes);
    }

    /** What the grant's owner may still hold: a user's current scopes (revoking the family when the user is gone). */
    private Set<String> holderScopes(RefreshGrant grant, OAuthClient client) {
        if (grant.kind() != CredentialKind.USER) {
            return client.scopes();
        }
        User user = users.activeUser(grant.subject()).filter(u -> u.tenantId().equals(grant.tenantId())).orElse(null);
        if (user == null) {
            refreshTokens.revokeFamily(grant.familyId());
            throw OAuthError.invalidGrant("the user can no longer sign in");
        }
        return user.scopes();
    }
}
