package io.brokergate.auth.oauth;

import io.brokergate.api.security.AccountGrant;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A registered client as stored. The secret exists only as its SHA-256 ({@code secretSha256},
 * null for public clients).
 *
 * @param certificateSha1 lower-case hex SHA-1 thumbprint of {@code certificate}, or null
 */
public record OAuthClient(String clientId, String tenantId, String name, String secretSha256, List<String> redirectUris,
                          List<String> logoutRedirectUris, Set<GrantType> grantTypes, Set<String> scopes, AccountGrant accounts,
                          X509Certificate certificate, String certificateSha1, String serverUserId, String appUrl,
                          Instant createdAt) {

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
        logoutRedirectUris = List.copyOf(logoutRedirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
    }

    public boolean confidential() {
        return secretSha256 != null;
    }

    public boolean allows(GrantType grant) {
        return grantTypes.contains(grant);
    }

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + ", tenant=" + tenantId + ", name=" + name + "]";
    }
}
