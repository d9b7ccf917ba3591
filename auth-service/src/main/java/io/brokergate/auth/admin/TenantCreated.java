package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Answer to {@code POST /v1/admin/tenants}; {@code admin_user} is null when none was asked for. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantCreated(TenantView tenant, UserView adminUser) {
}
