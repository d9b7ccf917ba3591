package io.brokergate.auth.oauth;

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
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Authorization codes: 256 random bits, stored as SHA-256, single use, at most 60 s, bound to the
 * client, redirect URI, PKCE challenge, user and scopes. A used code presented again is a replay:
 * the caller revokes everything issued from it ({@link CodeGrant#familyId()}).
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** What a code stands for. {@code codeChallenge} is the S256 challenge, or null. */
    public record CodeGrant(String clientId, String tenantId, String userId, String redirectUri, Set<String> scopes,
                            String codeChallenge, String familyId) {
        public CodeGrant {
            scopes = Set.copyOf(scopes);
        }
    }

    /** The outcome of redeeming a code. */
    public sealed interface Redemption {
        record Redeemed(CodeGrant grant) implements Redemption { }

        record Replayed(CodeGrant grant) implements Redemption { }

        record Invalid() implements Redemption { }
    }

    private static final Duration MAX_TTL = Duration.ofSeconds(60);
    private static final String PREFIX = "bga_";

    private final AgroalDataSource db;
    private final Duration ttl;

    public AuthorizationCodes(AgroalDataSource db, AuthConfig config) {
        this.db = db;
        Duration configured = config.tokens().codeTtl();
        this.ttl = configured.compareTo(MAX_TTL) > 0 ? MAX_TTL : configured;
    }

    /** Stores a new code for {@code grant} (its family id is assigned here) and returns it. */
    public String issue(String clientId, String tenantId, String userId, String redirectUri, Set<String> scopes, String codeChallenge) {
        String code = OpaqueSecret.newValue(PREFIX);
        Instant now = Instant.now();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO authorization_codes (code_sha256, client_id, tenant_id, user_id, redirect_uri, scopes, code_challenge,"
                        + " family_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, OpaqueSecret.sha256Hex(code));
            ps.setString(2, clientId);
            ps.setString(3, tenantId);
            ps.setString(4, userId);
            ps.setString(5, redirectUri);
            ps.setString(6, String.join(" ", new TreeSet<>(scopes)));
            ps.setString(7, codeChallenge);
            ps.setString(8, UUID.randomUUID().toString());
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setTimestamp(10, Timestamp.from(now.plus(ttl)));
            ps.executeUpdate();
            return code;
        } catch (SQLException e) {
            throw new StoreException("cannot store an authorization code", e);
        }
    }

    /** Spends a code; one conditional update decides between concurrent redemptions. */
    public Redemption redeem(String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 100) {
            return new Redemption.Invalid();
        }
        String hash = OpaqueSecret.sha256Hex(code);
        Instant now = Instant.now();
        try (Connection c = db.getConnection()) {
            int spent;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE authorization_codes SET used_at = ? WHERE code_sha256 = ? AND used_at IS NULL AND expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, hash);
                ps.setTimestamp(3, Timestamp.from(now));
                spent = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT client_id, tenant_id, user_id, redirect_uri, scopes, code_challenge, family_id, used_at, expires_at"
                            + " FROM authorization_codes WHERE code_sha256 = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Redemption.Invalid();
                    }
                    String scopes = rs.getString(5);
                    CodeGrant grant = new CodeGrant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            scopes.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" "))), rs.getString(6), rs.getString(7));
                    if (spent == 1) {
                        return new Redemption.Redeemed(grant);
                    }
                    // Spent before (by anyone, even after expiry): a replay. Unused but expired: just invalid.
                    return rs.getTimestamp(8) != null ? new Redemption.Replayed(grant) : new Redemption.Invalid();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot redeem an authorization code", e);
        }
    }

    public Duration ttl() {
        return ttl;
    }

    /** Deletes codes that expired a day ago; used ones are kept that long for replay detection. */
    public int purgeExpired() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM authorization_codes WHERE expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge authorization codes", e);
        }
    }
}
