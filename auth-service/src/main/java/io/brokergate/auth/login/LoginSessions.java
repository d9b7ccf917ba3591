package io.brokergate.auth.login;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tokens.OpaqueSecret;
import io.brokergate.auth.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login sessions behind the authorization endpoint's cookie, which lets {@code prompt=none}
 * (TradingView's silent refresh) and repeated authorizations skip the form. The cookie holds 256
 * random bits; the table holds their SHA-256. A fresh id is issued at every login, so a session
 * id planted before login is worthless.
 */
@ApplicationScoped
public class LoginSessions {

    /** A live session. */
    public record LoginSession(String userId, String tenantId, Instant expiresAt) {
    }

    private static final String PREFIX = "bgl_";

    private final AgroalDataSource db;
    private final Duration ttl;

    public LoginSessions(AgroalDataSource db, AuthConfig config) {
        this.db = db;
        this.ttl = config.login().sessionTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a session and returns the cookie value. */
    public String start(User user) {
        String id = OpaqueSecret.newValue(PREFIX);
        Instant now = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO login_sessions (id_sha256, user_id, tenant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, OpaqueSecret.sha256Hex(id));
            ps.setString(2, user.id());
            ps.setString(3, user.tenantId());
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now.plus(ttl)));
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new StoreException("cannot start a login session", e);
        }
    }

    public Optional<LoginSession> find(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(PREFIX) || cookieValue.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT user_id, tenant_id, expires_at FROM login_sessions WHERE id_sha256 = ? AND ended_at IS NULL AND expires_at > ?")) {
            ps.setString(1, OpaqueSecret.sha256Hex(cookieValue));
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LoginSession(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a login session", e);
        }
    }

    /** Ends a session (logout); unknown values are ignored. */
    public void end(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 100) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE login_sessions SET ended_at = ? WHERE id_sha256 = ? AND ended_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, OpaqueSecret.sha256Hex(cookieValue));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot end a login session", e);
        }
    }

    /** Deletes sessions that ended or expired a day ago (housekeeping). */
    public int purge() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM login_sessions WHERE expires_at < ? OR ended_at < ?")) {
            Timestamp cutoff = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
            ps.setTimestamp(1, cutoff);
            ps.setTimestamp(2, cutoff);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge login sessions", e);
        }
    }
}
