package io.brokergate.trade.session;

import io.brokergate.api.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * JSON of {@code GET /v1/session}: who the credential says the caller is. {@code accounts} is
 * {@code ["*"]} for every account of the tenant, else the granted ids, sorted.
 */
public record SessionView(String subject, String tenant, String kind, String clientId, List<String> scopes,
                          List<String> accounts, Instant expiresAt) {

    static SessionView of(Caller caller) {
        List<String> accounts = caller.accounts().all() ? List.of("*") : caller.accounts().accountIds().stream().sorted().toList();
        return new SessionView(caller.subject(), caller.tenantId(), caller.kind().name().toLowerCase(Locale.ROOT),
                caller.clientId(), caller.scopes().stream().sorted().toList(), accounts, caller.expiresAt());
    }
}
