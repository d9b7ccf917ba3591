package io.brokergate.auth.oauth;

import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tokens.AccessTokenVerifier;
import io.brokergate.auth.tokens.RefreshGrant;
import io.brokergate.auth.tokens.RefreshTokens;
import io.brokergate.auth.tokens.RevokedAccessTokens;
import io.brokergate.auth.tokens.VerifiedAccessToken;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * RFC 7009 revocation of the authenticated client's own tokens. A refresh token takes its whole
 * family (and the access tokens issued within it) along; an access token joins the revocation
 * list. Unknown tokens, and tokens of other clients, are answered 200 like any other (§2.2), so
 * the endpoint tells nobody whether a token exists.
 */
@Path("/oauth/revoke")
public class RevocationResource {

    private final ClientAuthenticator authenticator;
    private final RefreshTokens refreshTokens;
    private final AccessTokenVerifier accessTokens;
    private final RevokedAccessTokens revoked;
    private final AuditLog audit;
    private final int maxFormBytes;

    public RevocationResource(ClientAuthenticator authenticator, RefreshTokens refreshTokens, AccessTokenVerifier accessTokens,
                              RevokedAccessTokens revoked, AuditLog audit, AuthConfig config) {
        this.authenticator = authenticator;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.revoked = revoked;
        this.audit = audit;
        this.maxFormBytes = config.tokens().maxFormBytes();
    }

    @POST
    public Response revoke(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        try {
            UrlEncodedForm form = OAuthResponses.form(body, contentType, maxFormBytes);
            String source = RequestOrigin.address(http);
            OAuthClient client = authenticator.authenticate(authorization, form, null, true, source);
            String token = form.get("token");
            if (token == null) {
                throw OAuthError.invalidRequest("token is required");
            }
            if (token.startsWith(RefreshTokens.PREFIX)) {
                Optional<RefreshGrant> grant = refreshTokens.find(token).filter(g -> g.clientId().equals(client.clientId()));
                grant.ifPresent(g -> {
                    refreshTokens.revokeFamily(g.familyId());
                    audit.record(g.tenantId(), "client:" + client.clientId(), "token.revoke", AuditLog.Outcome.SUCCESS,
                            "refresh token family " + g.familyId(), source);
                });
            } else {
                Optional<VerifiedAccessToken> access = accessTokens.verify(token).filter(t -> client.clientId().equals(t.clientId()));
                access.ifPresent(t -> {
                    revoked.revoke(t.jti(), t.expiresAt());
                    audit.record(t.tenantId(), "client:" + client.clientId(), "token.revoke", AuditLog.Outcome.SUCCESS,
                            "access token " + t.jti(), source);
                });
            }
            return Response.ok().header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (OAuthError e) {
            return OAuthResponses.error(e);
        }
    }
}
