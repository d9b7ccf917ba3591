package io.brokergate.auth.tokens;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens revoked before their expiry ({@code /tv/logout}, RFC 7009, family revocation),
 * by {@code jti}. Kept in memory and re-read from the shared table every
 * {@code brokergate.auth.tokens.revocation-refresh}, so a revocation on one instance reaches the
 * others within that interval. Entries leave once the token would have expired anyway.
 *
 * <p>Other services verify JWTs locally and do not see this list; short access-token lifetimes
 * bound that window, and services that must honour revocation at once introspect.
 */
@ApplicationScoped
public class RevokedAccessTokens {

    /** Rows written slightly before the last read may commit after it: re-read a margin back. */
    private static final Duration READ_OVERLAP = Duration.ofSeconds(10);

    private final AgroalDataSource db;
    private final Duration refresh;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant lastRead;
    private volatile Instant lastReadStart = Instant.EPOCH;

    public RevokedAccessTokens(AgroalDataSource db, AuthConfig config) {
        this.db = db;
        this.refresh = config.tokens().revocationRefresh();
    }

    /** Revokes a token until {@code expiresAt}; revoking twice is harmless. */
    public void revoke(String jti, Instant expiresAt) {
        if (!expiresAt.isAfter(Instant.now())) {
            return;
        }
        revoked.put(jti, expiresAt);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO revoked_access_tokens (jti, expires_at, revoked_at) VALUES (?, ?, ?)")) {
            ps.setString(1, jti);
            ps.setTimestamp(2, Timestamp.from(expiresAt));
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw new StoreException("cannot record a revoked token", e);
            }
        }
    }

    public boolean isRevoked(String jti) {
        refreshIfStale();
        return revoked.containsKey(jti);
    }

    /**
     * Memory only, never blocks (for per-request checks on the event loop): exact for revocations
     * made by this instance, and for other instances' as of the last refresh.
     */
    public boolean isKnownRevoked(String jti) {
        Instant exp = revoked.get(jti);
        return exp != null && exp.isAfter(Instant.now());
    }

    /** Forgets expired entries here and in the table (housekeeping). */
    public int purgeExpired() {
        Instant now = Instant.now();
        revoked.values().removeIf(exp -> !exp.isAfter(now));
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM revoked_access_tokens WHERE expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge revoked tokens", e);
        }
    }

    private void refreshIfStale() {
        Instant now = Instant.now();
        Instant last = lastRead;
        if (last != null && last.plus(refresh).isAfter(now)) {
            return;
        }
        synchronized (this) {
            if (lastRead != null && lastRead.plus(refresh).isAfter(now)) {
                return;
            }
            Instant since = lastRead == null ? Instant.EPOCH : lastReadStart.minus(READ_OVERLAP);
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT jti, expires_at FROM revoked_access_tokens WHERE revoked_at >= ? AND expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(since));
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        revoked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read revoked tokens", e);
            }
            lastReadStart = now;
            lastRead = now;
        }
    }

    static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
