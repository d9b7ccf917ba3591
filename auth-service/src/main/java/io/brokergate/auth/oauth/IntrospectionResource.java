package io.brokergate.auth.oauth;

import io.brokergate.api.security.Scopes;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tokens.Introspection;
import io.brokergate.auth.tokens.OpaqueSecret;
import io.brokergate.auth.tokens.TokenIntrospection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * RFC 7662 introspection. Callers: other gateway services with the shared secret (client_secret_basic
 * as {@code brokergate.auth.introspection-client-id}; every tenant), or an OAuth client allowed the
 * {@code admin} scope (its own tenant only: another tenant's token is answered {@code active=false},
 * exactly like an unknown one). Basic rather than a bearer secret: the services' bearer
 * authentication would try to verify a bearer secret as a token.
 */
@Path("/oauth/introspect")
public class IntrospectionResource {

    private final ClientAuthenticator authenticator;
    private final TokenIntrospection introspection;
    private final String serviceClientId;
    private final Optional<String> serviceSecretSha256;
    private final int maxFormBytes;

    public IntrospectionResource(ClientAuthenticator authenticator, TokenIntrospection introspection, AuthConfig config) {
        this.authenticator = authenticator;
        this.introspection = introspection;
        this.serviceClientId = config.introspectionClientId();
        this.serviceSecretSha256 = config.introspectionSecret().filter(s -> !s.isBlank()).map(OpaqueSecret::sha256Hex);
        this.maxFormBytes = config.tokens().maxFormBytes();
    }

    @POST
    public Response introspect(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest http) {
        try {
            UrlEncodedForm form = OAuthResponses.form(body, contentType, maxFormBytes);
            String tenant = callerTenant(authorization, form, http);
            String token = form.get("token");
            if (token == null) {
                throw OAuthError.invalidRequest("token is required");
            }
            Introspection answer = introspection.introspect(token);
            if (tenant != null && !answer.visibleTo(tenant)) {
                answer = Introspection.inactive();
            }
            return OAuthResponses.json(200, answer);
        } catch (OAuthError e) {
            return OAuthResponses.error(e);
        }
    }

    /** Null for a gateway service (all tenants), else the admin client's tenant. */
    private String callerTenant(String authorization, UrlEncodedForm form, HttpServerRequest http) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = ClientAuthenticator.basicCredentials(authorization.substring(6).strip());
            if (basic[0].equals(serviceClientId)) {
                String presented = OpaqueSecret.sha256Hex(basic[1]);
                if (serviceSecretSha256.isPresent() && OpaqueSecret.sameDigest(serviceSecretSha256.get(), presented)) {
                    return null;
                }
                throw OAuthError.invalidClient("client authentication failed");
            }
        }
        OAuthClient client = authenticator.authenticate(authorization, form, null, false, RequestOrigin.address(http));
        if (!client.scopes().contains(Scopes.ADMIN)) {
            throw OAuthError.invalidClient("this client may not introspect tokens");
        }
        return client.tenantId();
    }
}
