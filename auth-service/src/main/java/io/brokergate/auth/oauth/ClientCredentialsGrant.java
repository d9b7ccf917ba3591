package io.brokergate.auth.oauth;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.IssuedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;

/**
 * {@code grant_type=client_credentials} (RFC 6749 §4.4): a confidential client acting for itself,
 * {@code sub} = client id, kind CLIENT. No refresh token (§4.4.3): the client can always ask again.
 */
@ApplicationScoped
public class ClientCredentialsGrant {

    private final ClientAuthenticator authenticator;
    private final AccessTokenIssuer issuer;
    private final AuditLog audit;
    private final Duration accessTtl;

    public ClientCredentialsGrant(ClientAuthenticator authenticator, AccessTokenIssuer issuer, AuditLog audit, AuthConfig config) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.audit = audit;
        this.accessTtl = config.tokens().accessTtl();
    }

    public TokenResponse exchange(UrlEncodedForm form, String authorization, String source) {
        OAuthClient client = authenticator.authenticate(authorization, form, null, false, source);
        if (!client.allows(GrantType.CLIENT_CREDENTIALS)) {
            throw OAuthError.unauthorizedClient("this client may not use client_credentials");
        }
        Set<String> scopes = ScopePolicy.requested(form.get("scope"), client.scopes());
        IssuedAccessToken access = issuer.issue(new AccessTokenRequest(client.clientId(), client.tenantId(), scopes, client.accounts(),
                client.clientId(), CredentialKind.CLIENT, accessTtl));
        audit.record(client.tenantId(), "client:" + client.clientId(), "token.issue", AuditLog.Outcome.SUCCESS,
                "client_credentials, jti " + access.jti(), source);
        return TokenResponse.of(access, null, scopes);
    }
}
