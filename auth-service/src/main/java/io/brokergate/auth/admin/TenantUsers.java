package io.brokergate.auth.admin;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.tenants.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tenant-confined reads and changes of the users table for the admin API (never the password hash). */
@ApplicationScoped
public class TenantUsers {

    private static final String SELECT = "SELECT id, login, scopes, disabled, created_at FROM users WHERE tenant_id = ?";

    private final AgroalDataSource db;

    public TenantUsers(AgroalDataSource db) {
        this.db = db;
    }

    public List<UserView> list(String tenantId) {
        return query(SELECT + " ORDER BY created_at, login", tenantId, null);
    }

    /** Empty for another tenant's user as for a missing one. */
    public Optional<UserView> find(String tenantId, String userId) {
        return query(SELECT + " AND id = ?", tenantId, userId).stream().findFirst();
    }

    /** @return false when the tenant has no such user */
    public boolean disable(String tenantId, String userId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET disabled = TRUE WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, userId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot disable user", e);
        }
    }

    private List<UserView> query(String sql, String tenantId, String userId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantId);
            if (userId != null) {
                ps.setString(2, userId);
            }
            List<UserView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> scopes = Arrays.stream(rs.getString(3).trim().split(" +")).filter(s -> !s.isEmpty()).sorted().toList();
                    out.add(new UserView(rs.getString(1), rs.getString(2), scopes, rs.getBoolean(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read users", e);
        }
    }
}
