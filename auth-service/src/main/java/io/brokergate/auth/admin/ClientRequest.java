package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code POST /v1/admin/clients}. {@code grant_types}: authorization_code, implicit, refresh_token,
 * client_credentials, urn:ietf:params:oauth:grant-type:jwt-bearer. {@code confidential} (default
 * true) issues a secret. {@code accounts}: ids of the tenant or {@code ["*"]} (default).
 * {@code certificate_pem}, {@code server_user_id} and {@code app_url} belong to the JWT-bearer grant.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientRequest(String name, Boolean confidential, List<String> redirectUris, List<String> logoutRedirectUris,
                            List<String> grantTypes, List<String> scopes, List<String> accounts, String certificatePem,
                            String serverUserId, String appUrl) {
}
