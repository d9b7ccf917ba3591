package io.brokergate.auth.oauth;

import io.brokergate.auth.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Client authentication at the token, revocation and introspection endpoints (RFC 6749 §2.3):
 * {@code client_secret_basic} or {@code client_secret_post}, never both; public clients identify
 * themselves by {@code client_id} alone where the caller permits it. Failures are
 * {@code invalid_client} (401, with a Basic challenge when Basic was tried) and are audited.
 */
@ApplicationScoped
public class ClientAuthenticator {

    private final ClientStore clients;
    private final AuditLog audit;

    public ClientAuthenticator(ClientStore clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * @param fallbackClientId the client to check {@code client_secret} against when the request
     *                         names none (TradingView's refresh sends only the secret); may be null
     * @param allowPublic      whether a public client may identify itself by {@code client_id} alone
     */
    public OAuthClient authenticate(String authorization, UrlEncodedForm form, String fallbackClientId, boolean allowPublic,
                                    String source) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String id;
        String secret;
        if (basic) {
            String[] pair = basicCredentials(authorization.substring(6).strip());
            if (form.has("client_secret")) {
                throw OAuthError.invalidRequest("use exactly one client authentication method");
            }
            if (form.has("client_id") && !form.get("client_id").equals(pair[0])) {
                throw OAuthError.invalidRequest("client_id does not match the Authorization header");
            }
            id = pair[0];
            secret = pair[1];
        } else {
            id = form.has("client_id") ? form.get("client_id") : fallbackClientId;
            secret = form.get("client_secret");
        }
        if (id == null) {
            throw OAuthError.invalidClient("client authentication is required");
        }
        Optional<OAuthClient> client = clients.find(id);
        boolean ok = secret != null
                ? client.isPresent() && ClientStore.secretMatches(client.get(), secret)
                : allowPublic && client.isPresent() && !client.get().confidential();
        if (!ok) {
            audit.record(client.map(OAuthClient::tenantId).orElse(null), "client:" + id, "client.auth", AuditLog.Outcome.FAILURE,
                    secret == null ? "no client secret" : "wrong client credentials", source);
            throw OAuthError.invalidClient("client authentication failed");
        }
        return client.get();
    }

    /** RFC 6749 §2.3.1: both parts are form-urlencoded before base64. */
    static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthError.invalidClient("malformed Basic credentials");
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("malformed Basic credentials");
        }
    }
}
