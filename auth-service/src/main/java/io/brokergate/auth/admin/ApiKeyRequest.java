package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/admin/api-keys}. {@code accounts}: account ids of the tenant or {@code ["*"]};
 * {@code expires_at}: RFC 3339, at most the configured longest lifetime ahead, which is also the
 * default.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyRequest(String name, List<String> scopes, List<String> accounts, Instant expiresAt) {
}
