package io.brokergate.trade.journal;

import io.brokergate.api.security.Caller;
import io.brokergate.core.account.Account;
import java.time.Instant;
import java.util.Locale;

/** One line of the trading audit: who did what to which order, from where, and how it ended. */
public record AuditEntry(String tenantId, String accountId, String action, String orderId, String clientOrderId,
                         String subject, String credentialKind, String clientId, String sourceAddress, String outcome,
                         String detail, Instant at) {

    public static AuditEntry of(Caller caller, String sourceAddress, Account account, String action, String orderId,
                                String clientOrderId, String outcome, String detail) {
        return new AuditEntry(account.tenantId(), account.id(), action, orderId, clientOrderId, caller.subject(),
                caller.kind().name().toLowerCase(Locale.ROOT), caller.clientId(), sourceAddress, outcome,
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000), Instant.now());
    }
}
