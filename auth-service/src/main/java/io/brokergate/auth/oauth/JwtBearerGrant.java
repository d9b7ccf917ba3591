package io.brokergate.auth.oauth;

import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.brokergate.auth.tokens.CompactJws;
import io.brokergate.auth.tokens.IssuedAccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TradingView's server-to-server grant ({@code urn:brokergate:oauth:grant-type:personal-jwt}, also
 * accepted as RFC 7523's {@code urn:ietf:params:oauth:grant-type:jwt-bearer}). The confidential
 * client authenticates with its secret and presents an assertion that must be RS256 (nothing else,
 * whatever the header claims) signed by the key of its registered certificate, named by {@code x5t}
 * (base64url or hex SHA-1), with {@code iss} = client id, {@code sub} = registered UserId,
 * {@code aud} = token endpoint, {@code spurl} = registered AppUrl and a near-future {@code exp}.
 * The token is kind SERVER and carries only data scopes.
 */
@ApplicationScoped
public class JwtBearerGrant {

    private final ClientAuthenticator authenticator;
    private final AccessTokenIssuer issuer;
    private final AuditLog audit;
    private final OAuthEndpoints endpoints;
    private final Duration accessTtl;
    private final Duration skew;
    private final Duration maxLifetime;
    private final List<String> audiences;
    private final Set<String> dataScopes;

    public JwtBearerGrant(ClientAuthenticator authenticator, AccessTokenIssuer issuer, AuditLog audit, OAuthEndpoints endpoints,
                          AuthConfig config) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.audit = audit;
        this.endpoints = endpoints;
        this.accessTtl = config.tokens().accessTtl();
        this.skew = config.tokens().clockSkew();
        this.maxLifetime = config.jwtBearer().maxAssertionLifetime();
        List<String> aud = new ArrayList<>();
        aud.add(endpoints.token());
        config.jwtBearer().extraAudiences().ifPresent(aud::addAll);
        this.audiences = List.copyOf(aud);
        this.dataScopes = Set.copyOf(config.jwtBearer().scopes());
    }

    public TokenResponse exchange(UrlEncodedForm form, String authorization, String source) {
        OAuthClient client = authenticator.authenticate(authorization, form, null, false, source);
        if (!client.allows(GrantType.JWT_BEARER) || client.certificate() == null) {
            throw OAuthError.unauthorizedClient("this client may not use the JWT-bearer grant");
        }
        String assertion = form.get("assertion");
        if (assertion == null) {
            throw OAuthError.invalidRequest("assertion is required");
        }
        try {
            verify(assertion, client);
        } catch (OAuthError e) {
            audit.record(client.tenantId(), "client:" + client.clientId(), "token.issue", AuditLog.Outcome.FAILURE,
                    "jwt-bearer: " + e.description(), source);
            throw e;
        }
        Set<String> scopes = ScopePolicy.requested(form.get("scope"), ScopePolicy.narrow(client.scopes(), dataScopes));
        if (scopes.isEmpty()) {
            throw OAuthError.invalidScope("this client holds no data scope");
        }
        IssuedAccessToken access = issuer.issue(new AccessTokenRequest(client.serverUserId(), client.tenantId(), scopes, client.accounts(),
                client.clientId(), CredentialKind.SERVER, accessTtl));
        audit.record(client.tenantId(), "client:" + client.clientId(), "token.issue", AuditLog.Outcome.SUCCESS,
                "jwt-bearer, jti " + access.jti(), source);
        return TokenResponse.of(access, null, scopes);
    }

    private void verify(String assertion, OAuthClient client) {
        CompactJws jws = CompactJws.parse(assertion).orElseThrow(() -> OAuthError.invalidGrant("malformed assertion"));
        if (!"RS256".equals(jws.headerText("alg"))) {
            throw OAuthError.invalidGrant("the assertion must be signed with RS256");
        }
        if (!ClientCertificates.matches(jws.headerText("x5t"), client.certificateSha1())) {
            throw OAuthError.invalidGrant("x5t does not name the registered certificate");
        }
        try {
            client.certificate().checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw OAuthError.invalidGrant("the registered certificate is not valid now");
        }
        if (!jws.verifiesRs256(client.certificate().getPublicKey())) {
            throw OAuthError.invalidGrant("the assertion signature does not verify");
        }
        if (!client.clientId().equals(jws.claimText("iss"))) {
            throw OAuthError.invalidGrant("iss must be the client id");
        }
        if (!client.serverUserId().equals(jws.claimText("sub"))) {
            throw OAuthError.invalidGrant("sub must be the registered UserId");
        }
        if (audiences.stream().noneMatch(jws::hasAudience)) {
            throw OAuthError.invalidGrant("aud must be the token endpoint " + endpoints.token());
        }
        if (!client.appUrl().equals(jws.claimText("spurl"))) {
            throw OAuthError.invalidGrant("spurl must be the registered AppUrl");
        }
        Instant now = Instant.now();
        Long exp = jws.claimSeconds("exp");
        if (exp == null || !Instant.ofEpochSecond(exp).isAfter(now.minus(skew))) {
            throw OAuthError.invalidGrant("the assertion has expired");
        }
        if (Instant.ofEpochSecond(exp).isAfter(now.plus(maxLifetime).plus(skew))) {
            throw OAuthError.invalidGrant("the assertion's exp is too far in the future");
        }
        Long nbf = jws.claimSeconds("nbf");
        Long iat = jws.claimSeconds("iat");
        Instant latestStart = now.plus(skew);
        boolean early = (nbf != null && Instant.ofEpochSecond(nbf).isAfter(latestStart))
                || (iat != null && Instant.ofEpochSecond(iat).isAfter(latestStart));
        if (early) {
            throw OAuthError.invalidGrant("the assertion is not valid yet");
        }
    }
}
