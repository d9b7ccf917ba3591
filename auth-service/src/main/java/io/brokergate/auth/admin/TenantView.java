package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.core.account.Tenant;
import java.time.Instant;

/** A tenant as the admin API shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantView(String id, String name, Instant createdAt) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.name(), t.createdAt());
    }
}
