package io.brokergate.auth.login;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.config.AuthConfig;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tokens.OpaqueSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed-login bookkeeping per login name and per source address, in the database so that all
 * instances share it. After {@code delayAfter} failures within the window each further attempt
 * must wait an exponentially growing delay; after {@code lockAfter} the key is locked for the
 * lock duration. Keys exist for unknown logins too, so throttling reveals nothing about which
 * logins exist.
 */
@ApplicationScoped
public class LoginThrottle {

    /** An attempt that may not be made yet. */
    public record Block(Duration retryAfter, boolean locked) {
    }

    private static final int MAX_DOUBLINGS = 20;

    private final AgroalDataSource db;
    private final AuthConfig.Login config;

    public LoginThrottle(AgroalDataSource db, AuthConfig config) {
        this.db = db;
        this.config = config.login();
    }

    /** Login names are throttled case-insensitively and hashed, so mistyped passwords are never stored. */
    public static String userKey(String login) {
        return "u:" + OpaqueSecret.sha256Hex(login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    public static String sourceKey(String address) {
        String a = address == null || address.isBlank() ? "unknown" : address;
        return "s:" + (a.length() > 90 ? a.substring(0, 90) : a);
    }

    public Optional<Block> blocked(String key, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT next_attempt_at, locked_until FROM login_throttle WHERE throttle_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return blockOf(rs.getTimestamp(1), rs.getTimestamp(2), now);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read login throttling", e);
        }
    }

    /** Counts a failure and returns the block that now applies to the key, if any. */
    public Optional<Block> recordFailure(String key, int delayAfter, int lockAfter, Instant now) {
        try (Connection c = db.getConnection()) {
            if (increment(c, key, now) == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO login_throttle (throttle_key, failures, window_start) VALUES (?, 1, ?)")) {
                    ps.setString(1, key);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    increment(c, key, now); // another attempt inserted the row first
                }
            }
            int failures;
            try (PreparedStatement ps = c.prepareStatement("SELECT failures FROM login_throttle WHERE throttle_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    failures = rs.next() ? rs.getInt(1) : 1;
                }
            }
            Instant lockedUntil = failures >= lockAfter ? now.plus(config.lockDuration()) : null;
            Instant nextAttempt = lockedUntil == null && failures >= delayAfter ? now.plus(delay(failures - delayAfter)) : null;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE login_throttle SET next_attempt_at = ?, locked_until = ? WHERE throttle_key = ?")) {
                ps.setTimestamp(1, nextAttempt == null ? null : Timestamp.from(nextAttempt));
                ps.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
                ps.setString(3, key);
                ps.executeUpdate();
            }
            return blockOf(nextAttempt == null ? null : Timestamp.from(nextAttempt),
                    lockedUntil == null ? null : Timestamp.from(lockedUntil), now);
        } catch (SQLException e) {
            throw new StoreException("cannot record a failed login", e);
        }
    }

    /**
     * Forgets a login's failures after it succeeded. Source keys are never cleared early: one valid
     * account must not reset a guessing source.
     */
    public void clear(String key) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear login throttling", e);
        }
    }

    /** Deletes rows whose window and lock are over (housekeeping). */
    public int purge(Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM login_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(config.failureWindow())));
            ps.setTimestamp(2, Timestamp.from(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge login throttling", e);
        }
    }

    /** Failures older than the window start a new count. */
    private int increment(Connection c, String key, Instant now) throws SQLException {
        Timestamp cutoff = Timestamp.from(now.minus(config.failureWindow()));
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE login_throttle SET failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END,"
                        + " window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END WHERE throttle_key = ?")) {
            ps.setTimestamp(1, cutoff);
            ps.setTimestamp(2, cutoff);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, key);
            return ps.executeUpdate();
        }
    }

    private Duration delay(int beyond) {
        Duration d = config.baseDelay().multipliedBy(1L << Math.min(Math.max(beyond, 0), MAX_DOUBLINGS));
        return d.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : d;
    }

    private static Optional<Block> blockOf(Timestamp nextAttempt, Timestamp lockedUntil, Instant now) {
        if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
            return Optional.of(new Block(Duration.between(now, lockedUntil.toInstant()), true));
        }
        if (nextAttempt != null && nextAttempt.toInstant().isAfter(now)) {
            return Optional.of(new Block(Duration.between(now, nextAttempt.toInstant()), false));
        }
        return Optional.empty();
    }
}
