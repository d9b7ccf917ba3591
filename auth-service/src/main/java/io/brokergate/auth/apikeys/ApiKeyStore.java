package io.brokergate.auth.apikeys;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The api_keys table. Blocking JDBC: call it from a worker thread, never from an event loop. */
@ApplicationScoped
public class ApiKeyStore {

    /** A key with the hash of its secret, for verification only. */
    record Stored(ApiKey key, String secretSha256) {
        @Override
        public String toString() {
            return "Stored[" + key.id() + "]";
        }
    }

    private static final String COLUMNS =
            "id, tenant_id, name, scopes, accounts, created_by, created_at, expires_at, revoked_at, last_used_at";

    private final AgroalDataSource db;

    public ApiKeyStore(AgroalDataSource db) {
        this.db = db;
    }

    void insert(ApiKey k, String secretSha256) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_keys (" + COLUMNS + ", secret_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.tenantId());
            ps.setString(3, k.name());
            ps.setString(4, join(k.scopes()));
            ps.setString(5, join(k.accounts()));
            ps.setString(6, k.createdBy());
            ps.setTimestamp(7, Timestamp.from(k.createdAt()));
            ps.setTimestamp(8, Timestamp.from(k.expiresAt()));
            ps.setTimestamp(9, null);
            ps.setTimestamp(10, null);
            ps.setString(11, secretSha256);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot create api key", e);
        }
    }

    Optional<Stored> findForVerification(String id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + ", secret_sha256 FROM api_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs), rs.getString(11))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read api key", e);
        }
    }

    public List<ApiKey> listByTenant(String tenantId) {
        return select("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id", tenantId, null);
    }

    /** Empty for another tenant's key as for a missing one. */
    public Optional<ApiKey> findInTenant(String tenantId, String id) {
        return select("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = ? AND id = ?", tenantId, id)
                .stream().findFirst();
    }

    /** Marks the key revoked (keeping the first revocation time); false when the tenant has no such key. */
    boolean revoke(String tenantId, String id, Instant at) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE tenant_id = ? AND id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, tenantId);
            ps.setString(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot revoke api key", e);
        }
    }

    /**
     * Records a use unless one was recorded after {@code notBefore}: the condition keeps the write
     * rate at one per key and resolution even with many instances verifying the same key.
     */
    void touch(String id, Instant at, Instant notBefore) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id);
            ps.setTimestamp(3, Timestamp.from(notBefore));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record api key use", e);
        }
    }

    private List<ApiKey> select(String sql, String tenantId, String id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            if (id != null) {
                ps.setString(2, id);
            }
            List<ApiKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read api keys", e);
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)), split(rs.getString(5)),
                rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String join(Set<String> values) {
        return String.join(" ", new TreeSet<>(values));
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.trim().split(" +")));
    }
}
