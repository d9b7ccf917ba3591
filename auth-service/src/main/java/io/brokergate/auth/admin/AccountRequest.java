package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /v1/admin/connections/{id}/accounts}: links a trading account reachable through the
 * connection. {@code kind}: live or paper (default: paper for the paper exchange, else live).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountRequest(String brokerAccountNo, String name, String currency, String kind) {
}
