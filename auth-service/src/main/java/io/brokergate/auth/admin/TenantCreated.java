package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Answer to {@code POST /v1/admin/tenants}; {@code admin_user} is null when none was asked for, and so is
 * {@code console_client_id}, the public client the administrator signs in with (authorization code + PKCE).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantCreated(TenantView tenant, UserView adminUser, String consoleClientId) {
}
