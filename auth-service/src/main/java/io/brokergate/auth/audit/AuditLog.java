package io.brokergate.auth.audit;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Who did what, when, from where: logins (successful and failed), token issuance and revocation,
 * administrative changes. Never records secrets: callers pass identifiers, not credentials.
 */
@ApplicationScoped
public class AuditLog {

    /** What happened to the attempt. */
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    /** One row, newest first when listed. */
    public record Entry(long id, Instant at, String tenantId, String actor, String action, Outcome outcome, String detail, String source) {
    }

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final int MAX_DETAIL = 1000;

    private final AgroalDataSource db;

    public AuditLog(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * @param tenantId may be null (e.g. a failed login for an unknown user)
     * @param action   short verb such as {@code login}, {@code token.issue}, {@code apikey.create}
     * @param source   client address, or null
     */
    public void record(String tenantId, String actor, String action, Outcome outcome, String detail, String source) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, tenant_id, actor, action, outcome, detail, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, tenantId);
            ps.setString(3, truncate(actor, 200));
            ps.setString(4, truncate(action, 64));
            ps.setString(5, outcome.name());
            ps.setString(6, truncate(detail, MAX_DETAIL));
            ps.setString(7, truncate(source, 64));
            ps.executeUpdate();
        } catch (SQLException e) {
            // An audit failure must be visible but must not turn a login into a 500.
            LOG.errorf(e, "audit record lost: %s %s %s", action, outcome, actor);
        }
    }

    public List<Entry> recent(String tenantId, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, at, tenant_id, actor, action, outcome, detail, source FROM audit_log WHERE tenant_id = ? ORDER BY id DESC")) {
            ps.setString(1, tenantId);
            ps.setMaxRows(Math.max(1, Math.min(limit, 1000)));
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), Outcome.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
