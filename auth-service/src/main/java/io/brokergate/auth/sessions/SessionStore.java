package io.brokergate.auth.sessions;

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
import java.util.Optional;

/**
 * Session bookkeeping columns of broker_connections (V4): the access token's expiry and the
 * refresh lease. Blocking JDBC: call from worker threads.
 */
@ApplicationScoped
public class SessionStore {

    private final AgroalDataSource db;

    public SessionStore(AgroalDataSource db) {
        this.db = db;
    }

    /** @param expiresAt null when unknown or when the token does not expire (never refreshed) */
    public void setTokenExpiry(String connectionId, Instant expiresAt) {
        update("UPDATE broker_connections SET access_token_expires_at = ? WHERE id = ?", expiresAt, connectionId);
    }

    public Optional<Instant> tokenExpiry(String connectionId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT access_token_expires_at FROM broker_connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? Optional.empty() : Optional.of(t.toInstant());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read token expiry", e);
        }
    }

    /** The tenant owning a connection, for audit records. */
    public Optional<String> tenantOf(String connectionId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id FROM broker_connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read connection tenant", e);
        }
    }

    /** LongPort-protocol connections whose token expires before {@code before}, soonest first. */
    public List<String> dueForRefresh(Instant before) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM broker_connections WHERE broker IN ('LONGPORT', 'PAPER')"
                        + " AND access_token_expires_at IS NOT NULL AND access_token_expires_at <= ?"
                        + " ORDER BY access_token_expires_at")) {
            ps.setTimestamp(1, Timestamp.from(before));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list connections due for refresh", e);
        }
    }

    /**
     * Takes the connection's refresh lease unless another holder's lease is still running. The
     * database arbitrates, so at most one auth-service instance refreshes a token at a time.
     */
    public boolean tryLease(String connectionId, Instant now, Instant until) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE broker_connections SET session_lease_until = ?"
                        + " WHERE id = ? AND (session_lease_until IS NULL OR session_lease_until < ?)")) {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, connectionId);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot lease connection for refresh", e);
        }
    }

    public void releaseLease(String connectionId) {
        update("UPDATE broker_connections SET session_lease_until = ? WHERE id = ?", null, connectionId);
    }

    private void update(String sql, Instant at, String connectionId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, at == null ? null : Timestamp.from(at));
            ps.setString(2, connectionId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update connection session state", e);
        }
    }
}
