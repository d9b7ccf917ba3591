package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.auth.audit.AuditLog;
import java.time.Instant;
import java.util.Locale;

/** One audit record of the caller's tenant. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntryView(long id, Instant at, String actor, String action, String outcome, String detail,
                             String source) {

    static AuditEntryView of(AuditLog.Entry e) {
        return new AuditEntryView(e.id(), e.at(), e.actor(), e.action(), e.outcome().name().toLowerCase(Locale.ROOT),
                e.detail(), e.source());
    }
}
