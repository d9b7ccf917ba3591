package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it: never a password or its hash. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserView(String id, String login, List<String> scopes, boolean disabled, Instant createdAt) {
}
