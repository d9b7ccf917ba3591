package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /v1/admin/tenants}. With {@code admin_login} and {@code admin_password} the tenant's
 * first administrator is created too (scopes quotes:read, accounts:read, trade, admin); without
 * them the tenant has no user until a platform operator adds one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantRequest(String name, String adminLogin, String adminPassword) {

    @Override
    public String toString() {
        return "TenantRequest[" + name + ", adminLogin=" + adminLogin + "]";
    }
}
