package io.brokergate.auth.tenants;

import io.agroal.api.AgroalDataSource;
import io.brokergate.core.account.Tenant;
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
import java.util.UUID;

/** Tenants table access. */
@ApplicationScoped
public class TenantStore {

    private final AgroalDataSource db;

    public TenantStore(AgroalDataSource db) {
        this.db = db;
    }

    public Tenant create(String name) {
        Tenant t = new Tenant(UUID.randomUUID().toString(), name, Instant.now());
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.name());
            ps.setTimestamp(3, Timestamp.from(t.createdAt()));
            ps.executeUpdate();
            return t;
        } catch (SQLException e) {
            throw new StoreException("cannot create tenant " + name, e);
        }
    }

    public Optional<Tenant> findByName(String name) {
        return query("SELECT id, name, created_at FROM tenants WHERE name = ?", name).stream().findFirst();
    }

    public Optional<Tenant> findById(String id) {
        return query("SELECT id, name, created_at FROM tenants WHERE id = ?", id).stream().findFirst();
    }

    public List<Tenant> list() {
        return query("SELECT id, name, created_at FROM tenants ORDER BY created_at", null);
    }

    private List<Tenant> query(String sql, String arg) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Tenant> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tenant(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read tenants", e);
        }
    }
}
