package io.brokergate.auth.tokens;

import io.agroal.api.AgroalDataSource;
import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opaque refresh tokens ({@code bgr_…}, 256 random bits), stored as SHA-256, rotated on every
 * use, grouped in families. Also tracks the access tokens issued within each family, so that
 * revoking a family (reuse of a rotated token, code replay, RFC 7009, logout) revokes them too.
 */
@ApplicationScoped
public class RefreshTokens {

    public static final String PREFIX = "bgr_";

    /** A new refresh token, returned to the client once. */
    public record IssuedRefreshToken(String token, Instant expiresAt) {
        public long expiresInSeconds() {
            return Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        }

        @Override
        public String toString() {
            return "IssuedRefreshToken[exp=" + expiresAt + "]";
        }
    }

    /** The outcome of presenting a refresh token for rotation. */
    public sealed interface Rotation {
        /** The token was active and is now spent; issue its successors. */
        record Rotated(RefreshGrant grant) implements Rotation { }

        /** The token had already been rotated: the whole family is now revoked. */
        record Reused(RefreshGrant grant) implements Rotation { }

        /** Unknown, expired or revoked. */
        record Invalid() implements Rotation { }
    }

    private static final String COLUMNS =
            "family_id, client_id, tenant_id, subject, kind, scopes, accounts, expires_at, rotated_at, revoked_at";

    private final AgroalDataSource db;
    private final RevokedAccessTokens revoked;
    private final Duration ttl;

    public RefreshTokens(AgroalDataSource db, RevokedAccessTokens revoked, AuthConfig config) {
        this.db = db;
        this.revoked = revoked;
        this.ttl = config.tokens().refreshTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    public IssuedRefreshToken issue(String familyId, String clientId, String tenantId, String subject, CredentialKind kind,
                                    Set<String> scopes, AccountGrant accounts) {
        String token = OpaqueSecret.newValue(PREFIX);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(ttl);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO refresh_tokens (token_sha256, family_id, client_id, tenant_id, subject, kind, scopes, accounts,"
                        + " expires_at, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, OpaqueSecret.sha256Hex(token));
            ps.setString(2, familyId);
            ps.setString(3, clientId);
            ps.setString(4, tenantId);
            ps.setString(5, subject);
            ps.setString(6, kind.name());
            ps.setString(7, String.join(" ", new TreeSet<>(scopes)));
            ps.setString(8, accounts.all() ? "*" : String.join(" ", new TreeSet<>(accounts.accountIds())));
            ps.setTimestamp(9, Timestamp.from(exp));
            ps.setTimestamp(10, Timestamp.from(now));
            ps.executeUpdate();
            return new IssuedRefreshToken(token, exp);
        } catch (SQLException e) {
            throw new StoreException("cannot store a refresh token", e);
        }
    }

    /** The grant behind a presented token in whatever state it is; empty if unknown. */
    public Optional<RefreshGrant> find(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_sha256 = ?")) {
            ps.setString(1, OpaqueSecret.sha256Hex(presented));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(grant(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a refresh token", e);
        }
    }

    /**
     * Spends a presented token. A single conditional update decides the race between two
     * concurrent uses: exactly one rotates, the other is a reuse and revokes the family.
     */
    public Rotation rotate(String presented) {
        Optional<RefreshGrant> found = find(presented);
        if (found.isEmpty()) {
            return new Rotation.Invalid();
        }
        RefreshGrant grant = found.get();
        Instant now = Instant.now();
        if (grant.state() == RefreshGrant.State.ACTIVE) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE refresh_tokens SET rotated_at = ? WHERE token_sha256 = ?"
                            + " AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, OpaqueSecret.sha256Hex(presented));
                ps.setTimestamp(3, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    return new Rotation.Rotated(grant);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot rotate a refresh token", e);
            }
            grant = find(presented).orElse(grant);
        }
        if (grant.state() == RefreshGrant.State.ROTATED) {
            revokeFamily(grant.familyId());
            return new Rotation.Reused(grant);
        }
        return new Rotation.Invalid();
    }

    /** Revokes every refresh token of the family and every access token issued within it. */
    public void revokeFamily(String familyId) {
        Instant now = Instant.now();
        List<String[]> access = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, familyId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT jti, expires_at FROM grant_access_tokens WHERE family_id = ? AND expires_at > ?")) {
                ps.setString(1, familyId);
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        access.add(new String[] {rs.getString(1), rs.getTimestamp(2).toInstant().toString()});
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot revoke a token family", e);
        }
        access.forEach(a -> revoked.revoke(a[0], Instant.parse(a[1])));
    }

    /** Revokes every live family of one subject at one client (logout); returns how many. */
    public int revokeFamiliesOf(String clientId, String subject) {
        List<String> families = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT family_id FROM refresh_tokens WHERE client_id = ? AND subject = ?"
                        + " AND revoked_at IS NULL AND expires_at > ?")) {
            ps.setString(1, clientId);
            ps.setString(2, subject);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    families.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read token families", e);
        }
        families.forEach(this::revokeFamily);
        return families.size();
    }

    /** Remembers an access token issued within a family. */
    public void recordAccessToken(String familyId, IssuedAccessToken token) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO grant_access_tokens (jti, family_id, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, token.jti());
            ps.setString(2, familyId);
            ps.setTimestamp(3, Timestamp.from(token.expiresAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record an access token", e);
        }
    }

    /** The family an access token was issued within, if any. */
    public Optional<String> familyOfAccessToken(String jti) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT family_id FROM grant_access_tokens WHERE jti = ?")) {
            ps.setString(1, jti);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an access token's family", e);
        }
    }

    /** Deletes refresh tokens expired for a day and access-token records past expiry (housekeeping). */
    public int purgeExpired() {
        Instant now = Instant.now();
        try (Connection c = db.getConnection();
             PreparedStatement refresh = c.prepareStatement("DELETE FROM refresh_tokens WHERE expires_at < ?");
             PreparedStatement access = c.prepareStatement("DELETE FROM grant_access_tokens WHERE expires_at < ?")) {
            // Rotated tokens stay until their own expiry: reuse detection needs them.
            refresh.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(1))));
            access.setTimestamp(1, Timestamp.from(now));
            return refresh.executeUpdate() + access.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge refresh tokens", e);
        }
    }

    private static RefreshGrant grant(ResultSet rs) throws SQLException {
        Instant exp = rs.getTimestamp(8).toInstant();
        RefreshGrant.State state = rs.getTimestamp(10) != null ? RefreshGrant.State.REVOKED
                : rs.getTimestamp(9) != null ? RefreshGrant.State.ROTATED
                : exp.isAfter(Instant.now()) ? RefreshGrant.State.ACTIVE : RefreshGrant.State.EXPIRED;
        String accounts = rs.getString(7);
        return new RefreshGrant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                CredentialKind.valueOf(rs.getString(5)), words(rs.getString(6)),
                "*".equals(accounts) ? AccountGrant.ALL : AccountGrant.of(words(accounts)), exp, state);
    }

    static Set<String> words(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.trim().split(" +")));
    }
}
