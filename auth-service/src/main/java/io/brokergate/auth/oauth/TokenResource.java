package io.brokergate.auth.oauth;

import io.brokergate.auth.config.AuthConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint (RFC 6749 §3.2). The body is read as text and parsed here, so that every
 * malformed request — wrong content type, oversized, repeated or missing parameters — gets an
 * RFC 6749 §5.2 error rather than the framework's. Runs on a worker thread.
 */
@Path("/oauth/token")
public class TokenResource {

    private final AuthorizationCodeGrant authorizationCode;
    private final RefreshTokenGrant refreshToken;
    private final ClientCredentialsGrant clientCredentials;
    private final JwtBearerGrant jwtBearer;
    private final int maxFormBytes;

    public TokenResource(AuthorizationCodeGrant authorizationCode, RefreshTokenGrant refreshToken, ClientCredentialsGrant clientCredentials,
                         JwtBearerGrant jwtBearer, AuthConfig config) {
        this.authorizationCode = authorizationCode;
        this.refreshToken = refreshToken;
        this.clientCredentials = clientCredentials;
        this.jwtBearer = jwtBearer;
        this.maxFormBytes = config.tokens().maxFormBytes();
    }

    @POST
    public Response token(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        try {
            UrlEncodedForm form = OAuthResponses.form(body, contentType, maxFormBytes);
            String grantType = form.get("grant_type");
            if (grantType == null) {
                throw OAuthError.invalidRequest("grant_type is required");
            }
            GrantType grant = GrantType.fromTokenRequest(grantType)
                    .orElseThrow(() -> OAuthError.unsupportedGrantType("unsupported grant_type"));
            String source = RequestOrigin.address(http);
            TokenResponse response = switch (grant) {
                case AUTHORIZATION_CODE -> authorizationCode.exchange(form, authorization, source);
                case REFRESH_TOKEN -> refreshToken.exchange(form, authorization, source);
                case CLIENT_CREDENTIALS -> clientCredentials.exchange(form, authorization, source);
                case JWT_BEARER -> jwtBearer.exchange(form, authorization, source);
                case IMPLICIT -> throw OAuthError.unsupportedGrantType("unsupported grant_type");
            };
            return OAuthResponses.json(200, response);
        } catch (OAuthError e) {
            return OAuthResponses.error(e);
        }
    }
}
