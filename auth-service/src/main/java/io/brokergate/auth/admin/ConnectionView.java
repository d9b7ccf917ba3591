package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A broker connection as the admin API shows it. Credentials are never returned: only the names
 * of the stored keys ({@code credential_keys}), so an operator can see which are set.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectionView(String id, String broker, String name, Map<String, String> endpoints,
                             List<String> credentialKeys, Instant accessTokenExpiresAt, Instant createdAt,
                             Instant updatedAt) {
}
