package io.brokergate.auth.oauth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** OpenID-Connect-style discovery ({@code /.well-known/openid-configuration}, RFC 8414 members). */
@Path("/.well-known/openid-configuration")
public class DiscoveryResource {

    private final OAuthEndpoints endpoints;

    public DiscoveryResource(OAuthEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response configuration() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", endpoints.issuer());
        doc.put("authorization_endpoint", endpoints.authorization());
        doc.put("token_endpoint", endpoints.token());
        doc.put("jwks_uri", endpoints.jwks());
        doc.put("revocation_endpoint", endpoints.revocation());
        doc.put("introspection_endpoint", endpoints.introspection());
        doc.put("end_session_endpoint", endpoints.endSession());
        doc.put("response_types_supported", List.of("code", "token"));
        doc.put("response_modes_supported", List.of("query", "fragment"));
        doc.put("grant_types_supported", List.of(GrantType.AUTHORIZATION_CODE.wireName(), GrantType.IMPLICIT.wireName(),
                GrantType.REFRESH_TOKEN.wireName(), GrantType.CLIENT_CREDENTIALS.wireName(), GrantType.JWT_BEARER.wireName(),
                GrantType.PERSONAL_JWT));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        List<String> clientAuth = List.of("client_secret_post", "client_secret_basic");
        doc.put("token_endpoint_auth_methods_supported", clientAuth);
        doc.put("revocation_endpoint_auth_methods_supported", clientAuth);
        doc.put("introspection_endpoint_auth_methods_supported", clientAuth);
        doc.put("scopes_supported", List.copyOf(new TreeSet<>(ClientStore.GRANTABLE_SCOPES)));
        doc.put("prompt_values_supported", List.of("none", "login"));
        doc.put("ui_locales_supported", List.of("en", "zh"));
        doc.put("subject_types_supported", List.of("public"));
        return Response.ok(doc).header("Cache-Control", "public, max-age=300").build();
    }
}
