package io.brokergate.trade.risk;

/**
 * Who an order is attributed to for limits: tenant, account, and the API key id when the caller
 * used an API key (else null). The order path builds it from the verified caller
 * ({@code caller.kind() == API_KEY ? caller.subject() : null}).
 */
public record RiskSubject(String tenantId, String accountId, String apiKeyId) {
}
